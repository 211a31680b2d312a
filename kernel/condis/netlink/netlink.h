/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The condis generic netlink family, condis's front-end: a client of the
 * core that uses <net/condis.h> to act and <net/condis_view.h> to show,
 * never the core's structures. What its files share: family.c (family,
 * policies, queries, notifications), client.c (a socket as a CoNDIS
 * client: its objects and handlers), requests.c (its requests), vc_fd.c
 * and vc_netdev.c (a call's frames through a file descriptor or an
 * interface), link.c (adapters bound to interfaces).
 */
#ifndef _CONDIS_NETLINK_H
#define _CONDIS_NETLINK_H

#include <linux/condis.h>
#include <linux/rbtree.h>
#include <net/condis.h>
#include <net/condis_kunit.h>
#include <net/condis_view.h>
#include <net/genetlink.h>

struct cd_vcfd;

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
 * @created: VC: the socket created it (an outgoing call), so deletes it
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
	u32 id;
	struct rb_node by_id;
	void *handle;
	refcount_t ref;
	struct delayed_work timer;
	bool answering;
	bool reclosing;
	bool far_closed;
	u8 recloses;
	u32 timeout_ms;
	bool created;
	struct cd_vcfd *vcfd;
	struct cd_vcnd *vcnd;
	struct list_head parties;
	struct list_head party_node;
	struct cd_nlobj *vc;
	struct sk_buff_head backlog;
};

/* The answer to a change (cd_nl_answer()): two u32 and a flag. */
#define CD_NL_REPLY_SIZE	(2 * nla_total_size(sizeof(u32)) + nla_total_size(0))

extern struct genl_family condis_nl_family;
extern struct workqueue_struct *cd_nl_wq;

/* family.c */
int cd_nl_notify(struct net *net, struct sk_buff *skb, void *hdr);
int cd_nl_answer(struct genl_info *info, u16 a1, u32 v1, u16 a2, u32 v2, u16 flag);
void cd_nlsk_add(struct cd_nlsk *sk);
struct sk_buff *cd_nl_new(u8 cmd, void **hdr, size_t payload);
size_t cd_nl_params_size(const struct condis_call_params *cp);
int cd_nl_put_params(struct sk_buff *skb, int attr,
		     const struct condis_call_params *cp);
struct condis_call_params *cd_nl_get_params(const struct nlattr *nest,
					    const struct nlattr *address,
					    struct netlink_ext_ack *extack);
void cd_nl_request_done(struct net *net, u32 request, u32 id, int status,
			const struct condis_call_params *cp);
struct cd_nlsk *cd_nlsk_find(const struct net *net, u32 portid,
			     const struct sock *nlsk);
int cd_nl_sock_event(struct notifier_block *nb, unsigned long event, void *ptr);

/* The socket that sent the request being handled (cd_nl_pre_doit()). */
static inline struct sock *cd_nl_sender(const struct genl_info *info)
{
	return info->user_ptr[1];
}
int cd_nl_init(void);
void cd_nl_exit(void);

/* client.c: the socket's objects, its client */
struct cd_nlsk *cd_nlsk_for(struct genl_info *info);
struct cd_nlobj *cd_nlobj_new(struct cd_nlsk *sk, u8 type, struct netlink_ext_ack *extack);
void cd_nlobj_publish(struct cd_nlobj *obj, void *handle);
void cd_nlobj_forget(struct cd_nlobj *obj);
void cd_nlobj_unarm(struct cd_nlobj *obj);
void cd_nl_call_gone(struct cd_nlobj *obj);
struct cd_nlobj *cd_nl_last_party(struct cd_nlobj *obj);
bool cd_vc_connected(struct cd_nlobj *vc, u32 *max_sdu);
int cd_nlsk_init(void);
void cd_nlsk_exit(void);
void cd_nlobj_put(struct cd_nlobj *obj);
struct cd_nlobj *cd_nlobj_find(struct cd_nlsk *sk, u8 type, u32 id);
extern unsigned int cd_nl_max_per_socket, cd_nl_max_per_netns;

/* requests.c: doit handlers of requests that change something */
int cd_nl_af_open_doit(struct sk_buff *skb, struct genl_info *info);
int cd_nl_af_close_doit(struct sk_buff *skb, struct genl_info *info);
int cd_nl_sap_register_doit(struct sk_buff *skb, struct genl_info *info);
int cd_nl_sap_deregister_doit(struct sk_buff *skb, struct genl_info *info);
int cd_nl_call_make_doit(struct sk_buff *skb, struct genl_info *info);
int cd_nl_call_answer_doit(struct sk_buff *skb, struct genl_info *info);
int cd_nl_call_close_doit(struct sk_buff *skb, struct genl_info *info);
int cd_nl_call_modify_qos_doit(struct sk_buff *skb, struct genl_info *info);
int cd_nl_call_open_fd_doit(struct sk_buff *skb, struct genl_info *info);
int cd_nl_party_add_doit(struct sk_buff *skb, struct genl_info *info);
int cd_nl_party_drop_doit(struct sk_buff *skb, struct genl_info *info);
int cd_nl_call_netdev_doit(struct sk_buff *skb, struct genl_info *info);
/* link.c */
int cd_nl_adapter_new_doit(struct sk_buff *skb, struct genl_info *info);
int cd_nl_adapter_del_doit(struct sk_buff *skb, struct genl_info *info);

/* vc_fd.c */
int cd_vcfd_open(struct cd_nlobj *vc, struct netlink_ext_ack *extack);
void cd_vcfd_receive(struct cd_nlobj *vc, struct sk_buff *skb);
void cd_vcfd_send_complete(struct cd_nlobj *vc, struct sk_buff *skb);
void cd_vcfd_hangup(struct cd_nlobj *vc);

/* vc_netdev.c */
struct cd_vcnd;
struct cd_vcnd *cd_vcnd_prepare(struct cd_nlobj *vc, const char *name,
				struct netlink_ext_ack *extack);
int cd_vcnd_register(struct cd_vcnd *nd, struct cd_nlobj *vc,
		     struct netlink_ext_ack *extack, u32 *ifindex);
void cd_vcnd_receive(struct cd_vcnd *nd, struct sk_buff *skb);
void cd_vcnd_send_complete(struct cd_vcnd *nd, struct sk_buff *skb);
void cd_vcnd_hangup(struct cd_nlobj *vc);

/* The call is going: no more frames through its descriptor or interface. */
static inline void cd_vc_hangup(struct cd_nlobj *vc)
{
	cd_vcfd_hangup(vc);
	cd_vcnd_hangup(vc);
}

#endif /* _CONDIS_NETLINK_H */
