// SPDX-License-Identifier: GPL-2.0
/*
 * condis.so: pppd (2.4.9, Debian's) over a condis call. condis_ppp.ko makes
 * the call's descriptor a PPP channel; this plugin gets pppd the descriptor
 * and frames the link as LCP negotiated it.
 *
 * Dialing (the plugin makes the call at each connect, so persist redials):
 *	plugin condis.so condis-adapter ADAPTER condis-service NAME
 *	[ condis-ac MAC ] [ condis-af-type TYPE ] [ condisctl PATH ]
 * runs `condisctl call make adapter ADAPTER af-type TYPE to NAME station
 * MAC send-fd 3`, which owns the call and hands its descriptor over a
 * socket; the call lasts until the plugin closes the socket (or the far end
 * closes the call).
 *
 * Answering: a call condisctl accepted and handed to pppd
 * (`condisctl sap listen ... exec pppd plugin condis.so condis-fd 3`):
 *	plugin condis.so condis-fd N
 *
 * RFC 2516 forbids address-and-control-field compression and ACCMs on
 * PPPoE (pppd negotiates no FCS alternatives): they are not negotiated. The
 * MRU is at most what the call carries (PPPIOCGMRU on the descriptor), and
 * the negotiated one goes down to the miniport (PPPIOCSMRU:
 * OID_WAN_CO_SET_LINK_INFO).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/ppp-ioctl.h>

#include <pppd/pppd.h>
#include <pppd/fsm.h>
#include <pppd/lcp.h>
#include <pppd/ccp.h>
#include <pppd/ipcp.h>

char pppd_version[] = VERSION;

#define CD_OR(opt, dflt)	((opt) ? (opt) : (dflt))

/* how long discovery may take: RFC 2516's retries take 7 s, and more */
#define CD_DIAL_TIMEOUT_MS	60000

/* (pppd frees a string option's old value when it sets one: no literals) */
static char *cd_adapter;
static char *cd_service;
static char *cd_ac;
static char *cd_af_type;
static char *cd_ctl;
static int cd_answer_fd = -1;

static int cd_vc = -1;		/* the call's descriptor */
static int cd_max_mru = 65535;	/* the largest frame the call carries */
static int cd_sock = -1;	/* dialing: the socket to condisctl, who owns the call */

#define CD_OPTION(n, t, a, d, f) \
	{ .name = (n), .type = (t), .addr = (a), .description = (d), .flags = (f) }

static option_t cd_options[] = {
	CD_OPTION("condis-fd", o_int, &cd_answer_fd,
		  "Carry PPP over the condis call of this descriptor (an answered call)",
		  OPT_PRIO),
	CD_OPTION("condis-adapter", o_string, &cd_adapter,
		  "condis adapter to dial on (its id or interface name)", OPT_PRIO),
	CD_OPTION("condis-service", o_string, &cd_service, "Service to dial", OPT_PRIO),
	CD_OPTION("condis-ac", o_string, &cd_ac,
		  "MAC address of the access concentrator to dial (default: any)", OPT_PRIO),
	CD_OPTION("condis-af-type", o_string, &cd_af_type,
		  "Address family to dial with (default: pppoe)", OPT_PRIO),
	CD_OPTION("condisctl", o_string, &cd_ctl, "The condisctl to dial with", OPT_PRIO),
	{ .name = NULL }
};

static void cd_check_options(void)
{
	if (cd_answer_fd < 0 && (!cd_adapter || !cd_service))
		fatal("condis: give condis-fd N (an answered call), or condis-adapter and "
		      "condis-service (to dial)");
	/* what RFC 2516 forbids, and what a packet link does not need */
	lcp_allowoptions[0].neg_accompression = lcp_wantoptions[0].neg_accompression = 0;
	lcp_allowoptions[0].neg_asyncmap = lcp_wantoptions[0].neg_asyncmap = 0;
	lcp_allowoptions[0].neg_pcompression = lcp_wantoptions[0].neg_pcompression = 0;
	ccp_allowoptions[0].deflate = ccp_wantoptions[0].deflate = 0;
	ccp_allowoptions[0].bsd_compress = ccp_wantoptions[0].bsd_compress = 0;
	/*
	 * and, as pppd's PPPoE plugin, no Van Jacobson header compression:
	 * it buys nothing on a packet link, and with it ppp_generic copies
	 * every IP frame it sends into a new buffer to try
	 */
	ipcp_allowoptions[0].neg_vj = ipcp_wantoptions[0].neg_vj = 0;
	modem = 0;
}

/* A descriptor condisctl sends over @sock (SCM_RIGHTS), or -1. */
static int cd_receive_fd(int sock)
{
	char byte, ctl[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { &byte, 1 };
	struct msghdr msg = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = ctl, .msg_controllen = sizeof(ctl),
	};
	struct pollfd p = { sock, POLLIN, 0 };
	struct cmsghdr *c;
	int fd;

	if (poll(&p, 1, CD_DIAL_TIMEOUT_MS) <= 0)
		return -1;
	if (recvmsg(sock, &msg, MSG_CMSG_CLOEXEC) <= 0)
		return -1;
	c = CMSG_FIRSTHDR(&msg);
	if (!c || c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS ||
	    c->cmsg_len != CMSG_LEN(sizeof(int)))
		return -1;
	memcpy(&fd, CMSG_DATA(c), sizeof(fd));
	return fd;
}

/*
 * condisctl makes the call and sends its descriptor back. It runs as a
 * grandchild (pppd reaps its children itself) and ends when the socket
 * closes.
 */
static int cd_dial(void)
{
	int sp[2], fd, devnull;
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sp) < 0) {
		error("condis: socketpair: %m");
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		error("condis: fork: %m");
		close(sp[0]);
		close(sp[1]);
		return -1;
	}
	if (!pid) {
		if (fork())
			_exit(0);
		/* descriptor 3 the socket (without close-on-exec), no other */
		if (dup2(sp[1], 3) < 0)
			_exit(127);
		syscall(SYS_close_range, 4U, ~0U, 0U);
		devnull = open("/dev/null", O_RDWR);
		if (devnull >= 0)
			dup2(devnull, 1);	/* its JSON; errors stay on stderr */
		execlp(CD_OR(cd_ctl, "condisctl"), CD_OR(cd_ctl, "condisctl"), "-j", "call",
		       "make", "adapter", cd_adapter, "af-type", CD_OR(cd_af_type, "pppoe"),
		       "to", cd_service, "station", CD_OR(cd_ac, "ff:ff:ff:ff:ff:ff"),
		       "send-fd", "3", (char *)NULL);
		_exit(127);
	}
	close(sp[1]);
	waitpid(pid, NULL, 0);
	fd = cd_receive_fd(sp[0]);
	if (fd < 0) {
		error("condis: dialing %s on %s failed (%s says why)", cd_service, cd_adapter,
		      CD_OR(cd_ctl, "condisctl"));
		close(sp[0]);
		return -1;
	}
	cd_sock = sp[0];
	return fd;
}

static int cd_connect(void)
{
	int chan, mru = 0;

	if (cd_answer_fd >= 0) {
		cd_vc = cd_answer_fd;
		cd_answer_fd = -1;	/* an answered call is used once */
	} else if (!cd_adapter) {
		error("condis: the answered call is gone");
		return -1;
	} else {
		cd_vc = cd_dial();
	}
	if (cd_vc < 0)
		return -1;
	/* the channel now: its MRU bounds what LCP asks for and allows */
	if (ioctl(cd_vc, PPPIOCGCHAN, &chan) < 0) {
		error("condis: the call carries no PPP (condis_ppp): %m");
		return -1;
	}
	if (ioctl(cd_vc, PPPIOCGMRU, &mru) == 0 && mru > 0) {
		cd_max_mru = mru;
		if (lcp_wantoptions[0].mru > mru)
			lcp_wantoptions[0].mru = mru;
		if (lcp_allowoptions[0].mru > mru)
			lcp_allowoptions[0].mru = mru;
	}
	info("condis: call up, PPP channel %d, MRU at most %d", chan, cd_max_mru);
	return cd_vc;
}

static void cd_disconnect(void)
{
	if (cd_vc >= 0)
		close(cd_vc);
	cd_vc = -1;
	if (cd_sock >= 0)	/* condisctl closes the call */
		close(cd_sock);
	cd_sock = -1;
}

static void cd_send_config(int mtu, u_int32_t accm, int pcomp, int accomp)
{
	netif_set_mtu(ifunit, mtu);
}

static void cd_recv_config(int mru, u_int32_t accm, int pcomp, int accomp)
{
	if (mru > cd_max_mru)	/* pppd's default before LCP is up */
		mru = cd_max_mru;
	if (cd_vc >= 0 && ioctl(cd_vc, PPPIOCSMRU, &mru) < 0)
		warn("condis: the link refused MRU %d: %m", mru);
	else
		info("condis: link MRU %d", mru);
}

static struct channel cd_channel = {
	.options = cd_options,
	.check_options = cd_check_options,
	.connect = cd_connect,
	.disconnect = cd_disconnect,
	.establish_ppp = generic_establish_ppp,
	.disestablish_ppp = generic_disestablish_ppp,
	.send_config = cd_send_config,
	.recv_config = cd_recv_config,
	.cleanup = cd_disconnect,
	.close = NULL,
};

void plugin_init(void)
{
	add_options(cd_options);
	the_channel = &cd_channel;
}
