// Minimal stand-ins for the logging libraries' headers, mirroring their real
// namespaces and signatures, so the logs checks' tests do not depend on what
// this machine has installed. Given to the tests as CodeOptions::extraFiles.
#pragma once

namespace twelve::testing::logs {

inline const char *kSpdlog = R"cpp(
#pragma once
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
namespace spdlog {
class logger { public: void info(const char *) {} };
struct synchronous_factory {};
struct async_factory {};
namespace details { struct null_mutex {}; }
namespace sinks {
class sink { public: virtual ~sink() = default; };
template <typename Mutex> class basic_file_sink : public sink {
public: explicit basic_file_sink(const std::string &filename, bool truncate = false) {}
};
using basic_file_sink_mt = basic_file_sink<std::mutex>;
using basic_file_sink_st = basic_file_sink<details::null_mutex>;
template <typename Mutex> class rotating_file_sink : public sink {
public: rotating_file_sink(const std::string &filename, std::size_t max_size, std::size_t max_files) {}
};
using rotating_file_sink_mt = rotating_file_sink<std::mutex>;
template <typename Mutex> class daily_file_sink : public sink {
public: daily_file_sink(const std::string &base_filename, int hour, int minute) {}
};
using daily_file_sink_mt = daily_file_sink<std::mutex>;
template <typename Mutex> class ansicolor_stdout_sink : public sink {};
using stdout_color_sink_mt = ansicolor_stdout_sink<std::mutex>;
template <typename Mutex> class null_sink : public sink {};
using null_sink_mt = null_sink<std::mutex>;
template <typename Mutex> class syslog_sink : public sink {
public: syslog_sink(std::string ident, int syslog_option, int syslog_facility, bool enable_formatting) {}
};
using syslog_sink_mt = syslog_sink<std::mutex>;
} // namespace sinks
template <typename Factory = synchronous_factory>
std::shared_ptr<logger> basic_logger_mt(const std::string &logger_name, const std::string &filename, bool truncate = false) { return nullptr; }
template <typename Factory = synchronous_factory>
std::shared_ptr<logger> rotating_logger_mt(const std::string &logger_name, const std::string &filename, std::size_t max_file_size, std::size_t max_files) { return nullptr; }
template <typename Factory = synchronous_factory>
std::shared_ptr<logger> daily_logger_mt(const std::string &logger_name, const std::string &filename, int hour = 0, int minute = 0) { return nullptr; }
template <typename Factory = synchronous_factory>
std::shared_ptr<logger> hourly_logger_mt(const std::string &logger_name, const std::string &filename) { return nullptr; }
template <typename Factory = synchronous_factory>
std::shared_ptr<logger> stdout_color_mt(const std::string &logger_name) { return nullptr; }
template <typename Factory = synchronous_factory>
std::shared_ptr<logger> syslog_logger_mt(const std::string &logger_name, const std::string &ident = "", int option = 0, int facility = 8, bool enable_formatting = false) { return nullptr; }
class logger_holder {};
inline void set_default_logger(std::shared_ptr<logger>) {}
} // namespace spdlog
)cpp";

inline const char *kGlog = R"cpp(
#pragma once
#include <string>
namespace fLS { extern std::string &FLAGS_log_dir; }
using fLS::FLAGS_log_dir;
namespace fLB { extern bool FLAGS_logtostderr; extern bool FLAGS_alsologtostderr; }
using fLB::FLAGS_logtostderr;
using fLB::FLAGS_alsologtostderr;
namespace google {
typedef int LogSeverity;
const int GLOG_INFO = 0, GLOG_WARNING = 1, GLOG_ERROR = 2;
const int INFO = GLOG_INFO, WARNING = GLOG_WARNING, ERROR = GLOG_ERROR;
void InitGoogleLogging(const char *argv0);
void SetLogDestination(LogSeverity severity, const char *base_filename);
void SetLogFilenameExtension(const char *filename_extension);
void SetStderrLogging(LogSeverity min_severity);
}
)cpp";

inline const char *kBoostLog = R"cpp(
#pragma once
#include <memory>
#include <string>
namespace boost {
template <class T, class... A> std::shared_ptr<T> make_shared(A &&...a) { return std::make_shared<T>(static_cast<A &&>(a)...); }
namespace log {
inline namespace v2s_mt_posix {
namespace keywords { struct file_name_t { const char *operator=(const char *v) const { return v; } }; inline const file_name_t file_name{}; }
namespace sinks {
class text_file_backend { public: text_file_backend() {} explicit text_file_backend(const char *file_name) {} };
class text_ostream_backend { public: text_ostream_backend() {} };
class syslog_backend { public: syslog_backend() {} };
template <class Backend> class synchronous_sink {
public:
  synchronous_sink() {}
  explicit synchronous_sink(const char *arg) {}
  explicit synchronous_sink(std::shared_ptr<Backend> backend) {}
};
} // namespace sinks
template <class... Args> std::shared_ptr<sinks::synchronous_sink<sinks::text_file_backend>> add_file_log(Args &&...args) { return nullptr; }
template <class... Args> std::shared_ptr<sinks::synchronous_sink<sinks::text_ostream_backend>> add_console_log(Args &&...args) { return nullptr; }
} // namespace v2s_mt_posix
} // namespace log
} // namespace boost
)cpp";

inline const char *kLog4cxx = R"cpp(
#pragma once
#include <string>
namespace log4cxx {
typedef std::string LogString;
class Layout {}; class PatternLayout : public Layout { public: explicit PatternLayout(const LogString &) {} };
class Appender { public: virtual ~Appender() = default; };
class ConsoleAppender : public Appender { public: explicit ConsoleAppender(Layout *) {} };
class FileAppender : public Appender { public: FileAppender() {} FileAppender(Layout *layout, const LogString &filename, bool append = true) {} };
class RollingFileAppender : public FileAppender { public: RollingFileAppender(Layout *layout, const LogString &filename) {} };
class DailyRollingFileAppender : public FileAppender { public: DailyRollingFileAppender(Layout *layout, const LogString &filename, const LogString &pattern) {} };
namespace net { class SyslogAppender : public Appender { public: SyslogAppender(Layout *layout, const LogString &host, int facility) {} }; }
class Logger { public: static Logger *getRootLogger(); void addAppender(Appender *); };
}
)cpp";

inline const char *kPoco = R"cpp(
#pragma once
#include <string>
namespace Poco {
template <class C> class AutoPtr { public: AutoPtr(C *p) : p_(p) {} C *operator->() { return p_; } private: C *p_; };
class Channel { public: virtual void setProperty(const std::string &name, const std::string &value) {} virtual ~Channel() = default; };
class FileChannel : public Channel { public: FileChannel() {} explicit FileChannel(const std::string &path) {} };
class SimpleFileChannel : public Channel { public: SimpleFileChannel() {} explicit SimpleFileChannel(const std::string &path) {} };
class ConsoleChannel : public Channel { public: ConsoleChannel() {} };
class SyslogChannel : public Channel { public: SyslogChannel() {} SyslogChannel(const std::string &name, int options = 0, int facility = 0) {} };
class Logger { public: static Logger &root(); void setChannel(Channel *); };
}
)cpp";

inline const char *kPlog = R"cpp(
#pragma once
#include <cstddef>
namespace plog {
enum Severity { none, fatal, error, warning, info, debug, verbose };
class IAppender { public: virtual ~IAppender() = default; };
class TxtFormatter {};
class UTF8Converter {};
class Logger {};
template <class Formatter> class ConsoleAppender : public IAppender {};
template <class Formatter, class Converter = UTF8Converter> class RollingFileAppender : public IAppender {
public: RollingFileAppender(const char *fileName, size_t maxFileSize = 0, int maxFiles = 0) {}
};
Logger &init(Severity maxSeverity, IAppender *appender);
template <class Formatter> Logger &init(Severity maxSeverity, const char *fileName, size_t maxFileSize = 0, int maxFiles = 0);
Logger &init(Severity maxSeverity, const char *fileName, size_t maxFileSize = 0, int maxFiles = 0);
}
)cpp";

} // namespace twelve::testing::logs
