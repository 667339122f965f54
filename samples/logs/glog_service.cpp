// A worker using glog: file destinations are violations, stderr logging is
// the fix. glog's headers are not installed here, so the calls are recognized
// by name.
#include <glog/logging.h>

int main(int argc, char **argv) {
  google::InitGoogleLogging(argv[0]); // ok: logs/file-sink
  google::SetLogDestination(google::GLOG_INFO, "/var/log/worker/info."); // expect: logs/file-sink
  google::SetLogDestination(google::GLOG_WARNING, ""); // ok: logs/file-sink
  LOG(INFO) << "worker started";
  return 0;
}
