// SPDX-License-Identifier: GPL-2.0
/*
 * condis_ppp: the ioctls pppd sends a call's descriptor, as it sends them a
 * PPPoE socket: PPPIOCGCHAN makes the call a PPP channel and gives its
 * index; PPPIOCGMRU says the largest frame it carries (what LCP may ask
 * for); PPPIOCSMRU, PPPIOCSASYNCMAP and PPPIOCSRASYNCMAP frame the link as
 * LCP negotiated it (OID_WAN_CO_SET_LINK_INFO). condis loads the module
 * for the first PPP ioctl on a descriptor (its alias).
 */
#include <linux/module.h>
#include <linux/ppp-ioctl.h>
#include <linux/uaccess.h>
#include <net/condis.h>
#include "channel.h"
#include "link.h"

static long cppp_link_ioctl(struct condis_vcfd *f, unsigned int cmd, u32 val)
{
	struct cppp_chan *c = cppp_chan_get(f);
	long ret;

	if (!c)
		return -ENOTCONN;	/* no PPPIOCGCHAN yet */
	switch (cmd) {
	case PPPIOCGMRU:
		ret = c->info.max_frame_size;
		break;
	case PPPIOCSMRU:
		ret = cppp_link_set(c, val, c->link.send_accm, c->link.recv_accm);
		break;
	case PPPIOCSASYNCMAP:
		ret = cppp_link_set(c, 0, val, c->link.recv_accm);
		break;
	default:	/* PPPIOCSRASYNCMAP */
		ret = cppp_link_set(c, 0, c->link.send_accm, val);
		break;
	}
	cppp_chan_put(c);
	return ret;
}

static long cppp_ioctl(struct condis_vcfd *f, unsigned int cmd, unsigned long arg)
{
	int __user *p = (int __user *)arg;
	int val, ret;

	switch (cmd) {
	case PPPIOCGCHAN:
		ret = cppp_chan_open(f);
		return ret < 0 ? ret : put_user(ret, p);
	case PPPIOCGMRU:
		ret = cppp_link_ioctl(f, cmd, 0);
		return ret < 0 ? ret : put_user(ret, p);
	case PPPIOCSMRU:
	case PPPIOCSASYNCMAP:
	case PPPIOCSRASYNCMAP:
		if (get_user(val, p))
			return -EFAULT;
		return cppp_link_ioctl(f, cmd, val);
	default:
		return -ENOTTY;
	}
}

static struct condis_vcfd_ioctl cppp_ioctls = {
	.type = 't',
	.ioctl = cppp_ioctl,
	.owner = THIS_MODULE,
};

static int __init cppp_init(void)
{
	return condis_vcfd_ioctl_register(&cppp_ioctls);
}

static void __exit cppp_exit(void)
{
	condis_vcfd_ioctl_unregister(&cppp_ioctls);
}

module_init(cppp_init);
module_exit(cppp_exit);
MODULE_DESCRIPTION("condis calls as PPP channels (CoNDIS WAN, NDISWAN's part)");
MODULE_AUTHOR("The condis developers");
MODULE_LICENSE("GPL");
MODULE_VERSION(CONDIS_VERSION);
MODULE_ALIAS("condis-vcfd-ioctl-74");	/* 't', PPP's ioctls */
