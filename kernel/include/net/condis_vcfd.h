/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <net/condis_vcfd.h>: a module that carries a call's frames itself takes
 * over the call's file descriptor (call-open-fd), as condis_ppp does to make
 * the call a PPP channel: pppd asks the descriptor for its channel
 * (PPPIOCGCHAN) as it asks a PPPoE socket.
 *
 * An ioctl condis's descriptor does not know goes to the handler registered
 * for its type (_IOC_TYPE); with none registered, condis loads module
 * "condis-vcfd-ioctl-TT" (TT: the type in two hex digits) and looks again.
 *
 * A handler attaches a user to the descriptor: from then on the call's
 * frames go to the user instead of read(), the user sends with
 * condis_vcfd_send() instead of write(), and it asks the miniport with
 * condis_vcfd_oid_request(). Its hangup handler runs once, when the call
 * goes or the descriptor is closed, whichever comes first; no handler of
 * the user runs after it has returned.
 */
#ifndef _NET_CONDIS_VCFD_H
#define _NET_CONDIS_VCFD_H

#include <linux/list.h>
#include <linux/module.h>
#include <linux/skbuff.h>
#include <net/condis.h>

struct condis_vcfd;
struct condis_vcfd_user;

/**
 * struct condis_vcfd_user_ops - what happens on a VC to its user
 * @receive: a frame arrived. Atomic context, under RCU. Takes the skb.
 * @send_done: a frame condis_vcfd_send() took was completed. Any context
 *	up to softirq, under RCU; maybe from within that condis_vcfd_send(),
 *	in its context, when the miniport completes the frame at once.
 * @status: the miniport indicated @status on the VC. Process context,
 *	under RCU: must not sleep.
 * @hangup: the call is gone or the descriptor closes. Process context;
 *	the user may free itself here.
 */
struct condis_vcfd_user_ops {
	void (*receive)(struct condis_vcfd_user *u, struct sk_buff *skb);
	void (*send_done)(struct condis_vcfd_user *u);
	void (*status)(struct condis_vcfd_user *u, int status, const void *buf, u32 len);
	void (*hangup)(struct condis_vcfd_user *u);
};

/**
 * struct condis_vcfd_user - a module carrying a VC's frames
 * @ops: its handlers
 * @owner: the module, held while it is attached
 */
struct condis_vcfd_user {
	const struct condis_vcfd_user_ops *ops;
	struct module *owner;
};

/**
 * struct condis_vcfd_ioctl - the handler of one ioctl type
 * @type: the _IOC_TYPE it answers ('t' for PPP's)
 * @ioctl: the handler; process context
 * @owner: the module, held while the handler runs
 * @node: condis's list of handlers
 */
struct condis_vcfd_ioctl {
	unsigned int type;
	long (*ioctl)(struct condis_vcfd *f, unsigned int cmd, unsigned long arg);
	struct module *owner;
	struct list_head node;
};

int condis_vcfd_ioctl_register(struct condis_vcfd_ioctl *h);
void condis_vcfd_ioctl_unregister(struct condis_vcfd_ioctl *h);

int condis_vcfd_attach(struct condis_vcfd *f, struct condis_vcfd_user *u);
struct condis_vcfd_user *condis_vcfd_user(struct condis_vcfd *f);
int condis_vcfd_send(struct condis_vcfd *f, struct sk_buff *skb);
int condis_vcfd_oid_request(struct condis_vcfd *f, enum condis_oid_type type, u32 oid,
			    void *buf, u32 len);
struct net *condis_vcfd_net(struct condis_vcfd *f);

#endif /* _NET_CONDIS_VCFD_H */
