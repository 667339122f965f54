// A notification service configuring Poco logging: a file channel (the
// violation), a syslog channel (a note) and a console channel (fine).
#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/FileChannel.h>
#include <Poco/Logger.h>
#include <Poco/SyslogChannel.h>

using Poco::AutoPtr;

void useFile() {
  AutoPtr<Poco::FileChannel> channel(new Poco::FileChannel("notify.log")); // expect: logs/file-sink
  channel->setProperty("rotation", "10 M");
  Poco::Logger::root().setChannel(channel);
}

void useSyslog() {
  AutoPtr<Poco::SyslogChannel> channel(new Poco::SyslogChannel("notify")); // expect: logs/syslog
  Poco::Logger::root().setChannel(channel);
}

void useConsole() {
  AutoPtr<Poco::ConsoleChannel> channel(new Poco::ConsoleChannel()); // ok: logs/file-sink
  Poco::Logger::root().setChannel(channel);
}

int main() {
  useConsole();
  Poco::Logger::root().information("notify ready");
  return 0;
}
