// SPDX-License-Identifier: GPL-2.0
//
// A call's descriptor handed to another program, which then carries the
// call's frames (pppd through condis_ppp): over a Unix socket, for a
// program that asked for the call (call make send-fd: the pppd plugin's
// dial), or to a command run for a call answered (sap listen exec).
// condisctl stays the call's owner: the call lasts while the socket is
// open or the command runs.
#include "cli.hpp"

#include <cerrno>
#include <cstring>
#include <linux/condis.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace condis;

namespace condisctl {

namespace {

[[noreturn]] void sys_fail(const std::string &what)
{
	int err = errno;
	throw Error(err, "", what + ": " + std::strerror(err));
}

// The call's descriptor, blocking, condisctl's copy closed by the caller.
int open_vc(Session &s, uint32_t call_id)
{
	return s.client.call_open_fd(call_id).fd;
}

} // namespace

void send_vc_fd(Session &s, uint32_t call_id, int sock)
{
	int fd = open_vc(s, call_id);
	char byte = 0, ctl[CMSG_SPACE(sizeof(int))] = {};
	iovec iov = { &byte, 1 };
	msghdr msg = {};

	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = ctl;
	msg.msg_controllen = sizeof(ctl);
	cmsghdr *c = CMSG_FIRSTHDR(&msg);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	std::memcpy(CMSG_DATA(c), &fd, sizeof(int));
	ssize_t n = sendmsg(sock, &msg, MSG_NOSIGNAL);
	close(fd);
	if (n < 0)
		sys_fail("send-fd");

	// The call lasts until the other program closes its socket. (When the
	// far end closes the call first, the descriptor hangs up and the other
	// program goes: condisctl need not listen to its events meanwhile.)
	for (;;) {
		pollfd p = { sock, POLLIN, 0 };
		if (poll(&p, 1, -1) < 0) {
			if (errno == EINTR)
				continue;
			sys_fail("poll");
		}
		char b;
		ssize_t n = p.revents & (POLLHUP | POLLERR) ? 0 : recv(sock, &b, 1, MSG_DONTWAIT);
		if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
			break;
	}
	try {
		Reply r = s.client.call_close(call_id);
		settle(s, CONDIS_REQUEST_CALL_CLOSE, r, "closing", "closed");
	} catch (const Error &) {
		// the far end closed it first: it is gone
	}
}

int run_with_vc_fd(Session &s, uint32_t call_id, const std::vector<std::string> &cmd)
{
	int fd = open_vc(s, call_id);
	pid_t pid = fork();

	if (pid < 0) {
		close(fd);
		sys_fail("fork");
	}
	if (!pid) {		// the command: the descriptor as 3, the call's id in its environment
		std::vector<char *> argv;
		for (const auto &w : cmd)
			argv.push_back(const_cast<char *>(w.c_str()));
		argv.push_back(nullptr);
		if (fd != 3 && dup2(fd, 3) < 0)
			_exit(127);
		syscall(SYS_close_range, 4U, ~0U, 0U);	/* condisctl's socket stays its own */
		setenv("CONDIS_CALL_ID", std::to_string(call_id).c_str(), 1);
		setenv("CONDIS_FD", "3", 1);
		execvp(argv[0], argv.data());
		_exit(127);
	}
	close(fd);
	return pid;
}

} // namespace condisctl
