/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The condis generic netlink family, condis's front-end: a client of the
 * core that uses <net/condis.h> to act and <net/condis_view.h> to show,
 * never the core's structures. Here: the objects its files share. The
 * files, each with its header, each using only those listed after it:
 *   netlink-gen.c  the policies and operations table, generated from the
 *                  spec (tests/ynl-gen.sh), naming the handlers below
 *   family.c       the family; pre_doit/post_doit (a request's object)
 *   query.c        get and dump
 *   requests.c     the requests that change something
 *   link.c         adapters bound to interfaces
 *   client.c       a socket's CoNDIS client handlers
 *   socket.c       the sockets acting as clients and what each owns
 *   vc_fd.c        a call's frames through a file descriptor
 *   vc_netdev.c    a call's frames through an interface
 *   messages.c     notifications, call parameters, answers
 */
#ifndef _CONDIS_NETLINK_H
#define _CONDIS_NETLINK_H

#include <linux/condis.h>
#include <linux/rbtree.h>
#include <linux/slab.h>
#include <net/condis.h>
#include <net/condis_kunit.h>
#include <net/condis_view.h>
#include <net/genetlink.h>

struct condis_vcfd;

/* what a socket owns, by kind: CONDIS_VIEW_AF to CONDIS_VIEW_PARTY */
#define CD_NL_TYPES	(CONDIS_VIEW_PARTY + 1)

/**
 * struct cd_nlsk - a netlink socket acting as a CoNDIS client
 * @net: its namespace, referenced until @release is done (the socket goes
 *	first, its release after it, maybe after the namespace's last user)
 * @portid: its netlink port
 * @nlsk: the socket itself, held until @release is done: netlink frees the
 *	port before NETLINK_URELEASE runs, and another socket may bind it in
 *	between, so a socket is known by its identity, not by its port
 * @client: the condis client registered on its behalf
 * @lock: protects @objs and the state of every &struct cd_nlobj
 * @objs: what the socket owns, per type (struct cd_nlobj by condis id; a
 *	tree, so that tracking an object the kernel made cannot fail)
 * @nobjs: how many
 * @going: the socket is closed: incoming calls are refused, its objects'
 *	timers do nothing
 * @ref: @release holds one, each of its objects' armed timers another
 * @acting: timers acting on an object (under @lock); @release waits for
 *	them before it takes the objects down
 * @idle: woken when @acting drops to 0
 * @node: in cd_nlsks, under cd_nlsk_lock
 * @release: unregisters the client once the socket is closed
 */
struct cd_nlsk {
	struct net *net;
	u32 portid;
	struct sock *nlsk;
	struct condis_client *client;
	struct mutex lock;		/* objs, nobjs, the objects' state */
	struct rb_root objs[CD_NL_TYPES];
	unsigned int nobjs;
	bool going;
	refcount_t ref;
	unsigned int acting;
	wait_queue_head_t idle;
	struct hlist_node node;
	struct work_struct release;
};

/**
 * struct cd_nlobj - the client context of an AF, SAP, VC or party a socket owns
 * @sk: the owner
 * @type: CONDIS_VIEW_AF, CONDIS_VIEW_SAP, CONDIS_VIEW_CALL or CONDIS_VIEW_PARTY
 * @id: condis id (0 until the handle is known)
 * @by_id: in its socket's @objs once the id is known
 * @handle: condis handle
 * @ref: the socket holds one; an open VC file descriptor another, and an
 *	armed @timer another
 * @timer: VC: acts for the owner later: rejects an incoming call it did
 *	not answer in time (@answering), or closes again a call the far end
 *	closed that could not be closed at once (@reclosing)
 * @answering: incoming call waiting for call-accept or call-reject
 * @reclosing: the far end closed the call; our close is to be retried
 * @far_closed: VC: the far end or the network closed the call: no file
 *	descriptor or interface is opened for it any more
 * @recloses: how often it was, until the retry is once a second
 * @timeout_ms: SAP: how long an incoming call waits for its answer
 * @accept_backlog: SAP: how many calls the kernel may have accepted for
 *	the owner that are not yet connected (0: the owner answers each)
 * @accepting: SAP: how many it has
 * @accepted_for: VC: the SAP (referenced) whose backlog accepted it, until
 *	it is connected or gone
 * @created: VC: the socket created it (an outgoing call), so deletes it
 * @answer_owed: VC: a call-make or call-close that asked for its answer
 *	when done (reply-when-done) pended: its request-done is that answer
 * @answer_seq: the sequence number of that request
 * @af_handle: VC: its AF's handle (for OID requests on it)
 * @vcfd: VC: the file descriptor's state, if one was opened
 * @vcnd: VC: its interface, if one was made (call-netdev)
 * @parties: VC: its parties' contexts
 * @party_node: party: in its VC's @parties
 * @vc: party: its VC's context
 * @backlog: VC: frames received before a file descriptor was opened
 */
struct cd_nlobj {
	struct cd_nlsk *sk;
	u8 type;
	bool answering;
	bool reclosing;
	bool far_closed;
	u32 id;
	struct rb_node by_id;
	void *handle;
	refcount_t ref;
	u8 recloses;
	bool created;
	bool answer_owed;
	struct delayed_work timer;
	u32 timeout_ms;
	u32 accept_backlog;
	u32 accepting;
	u32 answer_seq;
	struct cd_nlobj *accepted_for;
	void *af_handle;
	struct condis_vcfd *vcfd;
	struct cd_vcnd *vcnd;
	struct list_head parties;
	struct list_head party_node;
	struct cd_nlobj *vc;
	struct sk_buff_head backlog;
};

/* Drop a reference to a socket's object (struct cd_nlobj). */
static inline void cd_nlobj_put(struct cd_nlobj *obj)
{
	if (refcount_dec_and_test(&obj->ref))
		kfree(obj);
}

#endif /* _CONDIS_NETLINK_H */
