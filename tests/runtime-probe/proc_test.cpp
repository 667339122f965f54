// The /proc parsers on canned files from a real Debian 12 kernel.
#include "runtime-probe/proc.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <fstream>
#include <sstream>

using namespace twelve::probe;

namespace {
std::string canned(const std::string &name) {
  std::ifstream in(std::string(PROBE_TEST_DATA) + "/" + name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
} // namespace

TEST(ProcNetTcp, ParsesListeningAndConnectedSockets) {
  auto sockets = parseProcNetTcp(canned("net_tcp.txt"), false);
  ASSERT_EQ(sockets.size(), 3u); // the garbage line is skipped
  EXPECT_EQ(sockets[0].address, "0.0.0.0");
  EXPECT_EQ(sockets[0].port, 8080);
  EXPECT_TRUE(sockets[0].listening());
  EXPECT_TRUE(sockets[0].allInterfaces());
  EXPECT_EQ(sockets[0].inode, 12345u);
  EXPECT_EQ(sockets[1].address, "127.0.0.1");
  EXPECT_EQ(sockets[1].port, 6379);
  EXPECT_TRUE(sockets[1].loopbackOnly());
  EXPECT_FALSE(sockets[2].listening()); // ESTABLISHED
}

TEST(ProcNetTcp6, ParsesAnyLoopbackAndMappedAddresses) {
  auto sockets = parseProcNetTcp(canned("net_tcp6.txt"), true);
  ASSERT_EQ(sockets.size(), 3u);
  EXPECT_EQ(sockets[0].address, "::");
  EXPECT_EQ(sockets[0].port, 80);
  EXPECT_TRUE(sockets[0].allInterfaces());
  EXPECT_EQ(sockets[1].address, "::1");
  EXPECT_EQ(sockets[1].port, 631);
  EXPECT_TRUE(sockets[1].loopbackOnly());
  EXPECT_EQ(sockets[2].address, "::ffff:127.0.0.1");
  EXPECT_TRUE(sockets[2].loopbackOnly());
  EXPECT_EQ(sockets[2].inode, 67890u);
}

TEST(ProcNetTcp, EmptyAndHeaderOnlyTextGiveNothing) {
  EXPECT_TRUE(parseProcNetTcp("", false).empty());
  EXPECT_TRUE(parseProcNetTcp("  sl  local_address rem_address   st\n", false).empty());
}

TEST(FdLinks, ClassifiesEveryKindOfTarget) {
  std::istringstream in(canned("fd_links.txt"));
  std::string line;
  std::vector<FdTarget> t;
  while (std::getline(in, line))
    t.push_back(parseFdLink(line.substr(line.find(' ') + 1)));
  ASSERT_EQ(t.size(), 7u);
  EXPECT_EQ(t[0].kind, FdTarget::Device);
  EXPECT_EQ(t[1].kind, FdTarget::Pipe);
  EXPECT_EQ(t[1].inode, 98765u);
  EXPECT_EQ(t[3].kind, FdTarget::Socket);
  EXPECT_EQ(t[3].inode, 12345u);
  EXPECT_EQ(t[4].kind, FdTarget::File);
  EXPECT_EQ(t[4].path, "/srv/app/app.log");
  EXPECT_EQ(t[5].kind, FdTarget::Anon);
  EXPECT_EQ(t[6].kind, FdTarget::Deleted);
  EXPECT_EQ(t[6].path, "/srv/app/service.lock");
}

// A link read after the fd or its process went away comes back empty: it is
// no target at all, not a file with an empty name (which once made a service
// exiting during a /proc sample look as if it had moved fds 0-2 to a file).
TEST(FdLinks, AnUnreadableLinkIsGoneNotAFile) {
  auto t = parseFdLink("");
  EXPECT_EQ(t.kind, FdTarget::Gone);
  EXPECT_TRUE(t.path.empty());
}

TEST(Fdinfo, ReadsOctalFlags) {
  auto append = parseFdinfoFlags(canned("fdinfo_append.txt"));
  ASSERT_TRUE(append);
  EXPECT_TRUE(*append & O_APPEND);
  EXPECT_TRUE(writeFlags(*append));
  auto ro = parseFdinfoFlags(canned("fdinfo_readonly.txt"));
  ASSERT_TRUE(ro);
  EXPECT_FALSE(writeFlags(*ro));
  EXPECT_FALSE(parseFdinfoFlags("pos: 0\n"));
}

TEST(ProcStat, SurvivesParenthesesAndSpacesInComm) {
  // A thread of memcached: its own pid, its process's Tgid.
  EXPECT_EQ(parseStatusTgid(canned("status_thread.txt")), 19872);
  EXPECT_FALSE(parseStatusTgid("Name:\tx\nPid:\t3\n"));
  EXPECT_FALSE(parseStatusTgid("Tgid:\t\n"));
  auto st = parseProcStat(canned("stat.txt"));
  ASSERT_TRUE(st);
  EXPECT_EQ(st->pid, 4242);
  EXPECT_EQ(st->state, 'S');
  EXPECT_EQ(st->ppid, 1);
  EXPECT_EQ(st->pgrp, 4242);
  EXPECT_EQ(st->session, 4242);
  EXPECT_EQ(st->ttyNr, 0);
}

TEST(Environ, FindsTheExactName) {
  std::string env("PORTS=1\0PORT=8080\0HOME=/root\0", 29);
  EXPECT_EQ(environValue(env, "PORT"), "8080");
  EXPECT_FALSE(environValue(env, "POR"));
}

TEST(Paths, ClassifiesLogPidAndTemporaryPaths) {
  EXPECT_TRUE(looksLikeLogFile("/srv/app/app.log"));
  EXPECT_TRUE(looksLikeLogFile("/var/log/nginx/access.log"));
  EXPECT_TRUE(looksLikeLogFile("/srv/app/log/current"));
  EXPECT_FALSE(looksLikeLogFile("/srv/app/catalog.db"));
  // nginx's default `pid logs/nginx.pid`: reported as a PID file, not a log.
  EXPECT_FALSE(looksLikeLogFile("/usr/share/nginx/logs/nginx.pid"));
  EXPECT_FALSE(looksLikeLogFile("/var/log/app/app.lock"));
  EXPECT_TRUE(looksLikePidFile("/run/nginx.pid"));
  EXPECT_TRUE(isTemporaryPath("/tmp/x"));
  EXPECT_FALSE(isTemporaryPath("/tmpfoo/x"));
  EXPECT_TRUE(isPseudoPath("/dev/stdout"));
}
