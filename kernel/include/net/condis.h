/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis: connection-oriented NDIS (CoNDIS) for Linux - in-kernel API.
 *
 * Three roles cooperate through condis:
 *
 *  - a *miniport* registers an adapter and creates, activates and carries
 *    virtual connections (VCs): struct condis_miniport_ops;
 *  - a *call manager* (CM) registers an address family (AF) on an adapter
 *    and does the signalling: struct condis_cm_ops. A miniport with an
 *    integrated call manager (MCM) registers its AF with
 *    condis_mcm_register_af() and uses the condis_mcm_*() twins;
 *  - a *client* opens an AF, registers service access points (SAPs), makes
 *    and accepts calls and moves data on VCs: struct condis_client_ops.
 *
 * Handles. Every object a role is given (adapter, AF, SAP, VC, party, and
 * the client and CM registrations) is an opaque handle: a typed cookie, not
 * an address. condis looks each handle up on every use, so a handle used
 * after it became invalid is caught and reported by the verifier (see
 * Documentation/condis/verifier.rst) instead of touching freed memory.
 * Handlers receive the context pointer their role supplied for the object
 * (the NDIS "ProtocolXxxContext"), never a condis-internal pointer.
 *
 * Pend/complete. A request that may pend returns 0 (success), a negative
 * errno (failure) or %CONDIS_PENDING. After %CONDIS_PENDING the callee owns
 * the request and must call the matching *_complete() exactly once with a
 * final status (never %CONDIS_PENDING). Completions may be called from any
 * context, including hard and soft interrupt context with spinlocks held.
 * The requester's completion handler runs only when the request pended, and
 * always in process context on a condis workqueue. A request that did not
 * pend is final when it returns: no completion handler runs for it.
 *
 * Ordering. Every handler condis runs for a VC (completions and
 * indications, parties included) is delivered in the order the requests
 * were issued or the indications were made, per receiving role: a client
 * never sees an incoming close before the make-call completion of the same
 * VC. The same holds per AF and per SAP. Send completions are not ordered
 * against signalling.
 *
 * Context rules. Unless a function says otherwise, requests (condis_cl_*,
 * condis_cm_* that are not completions, condis_co_*) must be called in
 * process context and may sleep; the callee's request handler runs
 * synchronously in the caller's context. *_complete(), *_dispatch_*(),
 * condis_mco_*() indications and condis_co_send() may be called from any
 * context.
 *
 * Status values are 0, negative errnos and %CONDIS_PENDING; the mapping to
 * NDIS_STATUS codes is condis_status_to_ndis() / condis_status_from_ndis().
 */
#ifndef _NET_CONDIS_H
#define _NET_CONDIS_H

#include <linux/bits.h>
#include <linux/list.h>
#include <linux/types.h>

struct net;
struct sk_buff;

/* The release: every module's MODULE_VERSION, dkms.conf's PACKAGE_VERSION. */
#define CONDIS_VERSION	"0.1"

/* Returned by a handler that will finish its request with *_complete(). */
#define CONDIS_PENDING	0x103

/* Opaque handles (never dereferenced by users). */
struct condis_adapter;
struct condis_client;
struct condis_cm;
struct condis_af;
struct condis_sap;
struct condis_vc;
struct condis_party;

/* CO_CALL_PARAMETERS flags */
#define CONDIS_CALL_PERMANENT_VC		0x01
#define CONDIS_CALL_PARAMETERS_CHANGED		0x02
#define CONDIS_CALL_QUERY_PARAMETERS		0x04
#define CONDIS_CALL_BROADCAST_VC		0x08
#define CONDIS_CALL_MULTIPOINT_VC		0x10

/**
 * struct condis_flowspec - one direction's QoS (NDIS FLOWSPEC)
 * @token_rate: bytes per second
 * @token_bucket_size: bytes
 * @peak_bandwidth: bytes per second
 * @latency: microseconds
 * @delay_variation: microseconds
 * @service_type: SERVICETYPE_* value
 * @max_sdu_size: largest frame, bytes
 * @minimum_policed_size: bytes
 */
struct condis_flowspec {
	u32 token_rate;
	u32 token_bucket_size;
	u32 peak_bandwidth;
	u32 latency;
	u32 delay_variation;
	u32 service_type;
	u32 max_sdu_size;
	u32 minimum_policed_size;
};

/**
 * struct condis_call_params - call parameters (NDIS CO_CALL_PARAMETERS)
 * @flags: CONDIS_CALL_* flags
 * @tx: transmit flowspec (call-manager parameters)
 * @rx: receive flowspec (call-manager parameters)
 * @media_flags: media parameter flags
 * @receive_priority: media receive priority
 * @receive_size_hint: media receive size hint
 * @cm_specific_type: ParamType of @cm_specific (NDIS CO_SPECIFIC_PARAMETERS)
 * @media_specific_type: ParamType of @media_specific
 * @cm_specific_len: length of @cm_specific
 * @media_specific_len: length of @media_specific
 * @cm_specific: call-manager specific blob (points into this allocation)
 * @media_specific: media specific blob (points into this allocation)
 *
 * Always allocated with condis_call_params_alloc(), so that the blobs live
 * in the same allocation. condis copies the parameters a requester passes
 * and owns the copy; a handler may modify the values and blob contents of
 * the copy it is given, in place, for the lifetime of the request.
 */
struct condis_call_params {
	u32 flags;
	struct condis_flowspec tx;
	struct condis_flowspec rx;
	u32 media_flags;
	u32 receive_priority;
	u32 receive_size_hint;
	u32 cm_specific_type;
	u32 media_specific_type;
	u32 cm_specific_len;
	u32 media_specific_len;
	u8 *cm_specific;
	u8 *media_specific;
};

/* Largest blob condis accepts in call parameters. */
#define CONDIS_PARAMS_BLOB_MAX	4096

struct condis_call_params *condis_call_params_alloc(u32 cm_len, u32 media_len,
						    gfp_t gfp);
struct condis_call_params *condis_call_params_dup(const struct condis_call_params *cp,
						  gfp_t gfp);
void condis_call_params_free(struct condis_call_params *cp);
int condis_call_params_copy(struct condis_call_params *dst,
			    const struct condis_call_params *src);

/**
 * struct condis_sap_desc - a service access point (NDIS CO_SAP)
 * @sap_type: AF-specific SAP type
 * @len: bytes used in @sap
 * @sap: AF-specific SAP address
 */
struct condis_sap_desc {
	u32 sap_type;
	u32 len;
	u8 sap[64];
};

/* OID request types (NDIS_REQUEST_TYPE) */
enum condis_oid_type {
	CONDIS_OID_QUERY,
	CONDIS_OID_SET,
};

/**
 * struct condis_oid_request - an OID request (NDIS_OID_REQUEST)
 * @type: query or set
 * @oid: the object identifier
 * @buf: caller's buffer
 * @len: size of @buf
 * @bytes_done: set by the target: bytes read or written
 * @bytes_needed: set by the target when @len is too small
 *
 * Owned by the requester and must stay valid until the request is final:
 * when condis_*_oid_request() returns something else than %CONDIS_PENDING,
 * or when the requester's oid_request_complete handler runs.
 */
struct condis_oid_request {
	enum condis_oid_type type;
	u32 oid;
	void *buf;
	u32 len;
	u32 bytes_done;
	u32 bytes_needed;
};

/* The completion of an adapter-wide OID request (condis_adapter_oid_request()). */
typedef void (*condis_oid_done_t)(struct condis_oid_request *req, int status);

/* Where an OID request goes: the adapter's miniport or the peer protocol. */
enum condis_oid_dest {
	CONDIS_OID_TO_MINIPORT,
	CONDIS_OID_TO_PEER,
};

/* ------------------------------------------------------------------ */
/* Miniport (MiniportCo* handlers)                                      */
/* ------------------------------------------------------------------ */

/**
 * struct condis_miniport_ops - connection-oriented miniport handlers
 * @create_vc: MiniportCoCreateVc. Required. May not pend. Stores the
 *	miniport's per-VC context in @mp_vc_ctx. Process context.
 * @delete_vc: MiniportCoDeleteVc. Required. May not pend. Process context.
 *	Runs for an inactive VC without sends outstanding, after the other
 *	role agreed: a refusal is reported (verifier) and the VC goes.
 * @activate_vc: MiniportCoActivateVc. Required. May pend; finish with
 *	condis_mco_activate_vc_complete(). Process context.
 * @deactivate_vc: MiniportCoDeactivateVc. Required. May pend; finish with
 *	condis_mco_deactivate_vc_complete(). Process context.
 * @send: MiniportCoSendNetBufferLists. Required. Takes the skb; must call
 *	condis_mco_send_complete() for it, later or from within. Any context
 *	up to softirq; must not sleep. Where condis_mco_send_may_keep() says
 *	so, it may hand the skb itself on and complete with a NULL skb, from
 *	within.
 * @oid_request: MiniportCoOidRequest. Required. @mp_vc_ctx is NULL for an
 *	adapter-wide request. May pend; finish with
 *	condis_mco_oid_request_complete(). Process context.
 */
struct condis_miniport_ops {
	int (*create_vc)(void *mp_ctx, struct condis_vc *vc, void **mp_vc_ctx);
	int (*delete_vc)(void *mp_vc_ctx);
	int (*activate_vc)(void *mp_vc_ctx, struct condis_call_params *cp);
	int (*deactivate_vc)(void *mp_vc_ctx);
	void (*send)(void *mp_vc_ctx, struct sk_buff *skb);
	int (*oid_request)(void *mp_ctx, void *mp_vc_ctx,
			   struct condis_oid_request *req);
};

int condis_miniport_register(struct net *net, const char *name,
			     const struct condis_miniport_ops *ops, void *mp_ctx,
			     struct condis_adapter **adapter);
void condis_miniport_unregister(struct condis_adapter *adapter);
struct condis_adapter *condis_adapter_find(struct net *net, const char *name);

/**
 * struct condis_adapter_watch - a protocol driver told of adapters
 * @net: the namespace watched
 * @added: @adapter, registered under @name, stands in @net (also each one
 *	that stood when the watch began). Should only queue work.
 * @removing: @adapter is going; condis tears down what is on it when this
 *	returns: the watcher unbinds (closes, deregisters) before returning.
 * @status: optional: an adapter-wide status indication of @adapter (as
 *	condis_mco_indicate_status() with no VC gave it): NDIS tells every
 *	protocol bound to the adapter. Process context, under RCU: may not
 *	sleep (copy @buf and queue work).
 * @node: condis's list
 *
 * @added and @removing run in process context, never at once for one
 * adapter, with no condis lock held; they may not register or unregister
 * miniports. NDIS: ProtocolBindAdapterEx / ProtocolUnbindAdapterEx, and
 * ProtocolCoStatusEx for @status.
 */
struct condis_adapter_watch {
	struct net *net;
	void (*added)(struct condis_adapter_watch *w, struct condis_adapter *adapter,
		      const char *name);
	void (*removing)(struct condis_adapter_watch *w, struct condis_adapter *adapter);
	void (*status)(struct condis_adapter_watch *w, struct condis_adapter *adapter,
		       int status, const void *buf, u32 len);
	struct list_head node;
};

int condis_adapter_watch_register(struct condis_adapter_watch *w);
void condis_adapter_watch_unregister(struct condis_adapter_watch *w);
int condis_adapter_oid_request(struct condis_adapter *adapter,
			       struct condis_oid_request *req, condis_oid_done_t done);

/**
 * enum condis_drop - why a frame from the network was dropped (the
 *	adapter's drop counters, netlink adapter-get's drops)
 * @CONDIS_DROP_MALFORMED: not a well-formed frame (version, type, length,
 *	a field out of range)
 * @CONDIS_DROP_NOT_UNICAST: to a group address, or from one that is not a
 *	station's
 * @CONDIS_DROP_NO_VC: data for no active VC
 * @CONDIS_DROP_NOT_PEER: data from a station that is not one of the VC's
 * @CONDIS_DROP_TOKEN: data or signalling with a token that is not the VC's
 *	or the call's
 * @CONDIS_DROP_OVERLOAD: signalling beyond what the call manager queues
 * @CONDIS_DROP_HALF_OPEN: a call offer beyond the half-open calls allowed
 * @CONDIS_DROP_RATE_LIMITED: an answer to a message about no call, not sent
 * @CONDIS_DROP_UNMATCHED: signalling about no call or SAP of this station
 *	(answered where the protocol asks for an answer, within the rate
 *	limit)
 * @__CONDIS_DROP_MAX: the number of reasons
 */
enum condis_drop {
	CONDIS_DROP_MALFORMED,
	CONDIS_DROP_NOT_UNICAST,
	CONDIS_DROP_NO_VC,
	CONDIS_DROP_NOT_PEER,
	CONDIS_DROP_TOKEN,
	CONDIS_DROP_OVERLOAD,
	CONDIS_DROP_HALF_OPEN,
	CONDIS_DROP_RATE_LIMITED,
	CONDIS_DROP_UNMATCHED,
	__CONDIS_DROP_MAX,
};

void condis_adapter_count_drop(struct condis_adapter *adapter, enum condis_drop why);

void condis_mco_activate_vc_complete(int status, struct condis_vc *vc,
				     struct condis_call_params *cp);
void condis_mco_deactivate_vc_complete(int status, struct condis_vc *vc);
void condis_mco_send_complete(struct condis_vc *vc, struct sk_buff *skb,
			      int status);
bool condis_mco_send_may_keep(struct condis_vc *vc);
int condis_mco_indicate_receive(struct condis_vc *vc, struct sk_buff *skb);
void condis_mco_indicate_status(struct condis_adapter *adapter,
				struct condis_vc *vc, int status,
				const void *buf, u32 len);
void condis_mco_oid_request_complete(struct condis_adapter *adapter,
				     struct condis_oid_request *req, int status);

struct netlink_ext_ack;

/**
 * struct condis_link_req - what an adapter-new request asks for
 * @ifindex: the interface, in the requester's namespace
 * @ac_name: a PPPoE adapter's access concentrator name, or NULL (only
 *	for a kind with @ac_name set in its struct condis_link_ops)
 */
struct condis_link_req {
	u32 ifindex;
	const char *ac_name;
};

/**
 * struct condis_link_ops - a miniport that binds adapters to network
 *	interfaces on request (netlink adapter-new and adapter-del)
 * @kind: its name in requests, e.g. "ethernet"
 * @owner: THIS_MODULE
 * @ac_name: its adapters take an access concentrator name (adapter-new's
 *	ac-name; condis refuses one for another kind)
 * @newlink: bind an adapter to interface @req->ifindex of @net, telling
 *	condis with condis_adapter_set_link(); store its id in @id. Process
 *	context, may sleep.
 * @dellink: unbind @adapter (the handle of an adapter @newlink made),
 *	tearing its calls down. Process context, may sleep.
 * @node: condis' list
 */
struct condis_link_ops {
	const char *kind;
	struct module *owner;
	bool ac_name;
	int (*newlink)(struct net *net, const struct condis_link_req *req,
		       struct netlink_ext_ack *extack, u32 *id);
	int (*dellink)(struct condis_adapter *adapter, struct netlink_ext_ack *extack);
	struct list_head node;
};

int condis_link_register(struct condis_link_ops *ops);
void condis_link_unregister(struct condis_link_ops *ops);
struct condis_link_ops *condis_link_get(const char *kind);
void condis_adapter_set_link(struct condis_adapter *adapter,
			     const struct condis_link_ops *ops, u32 ifindex);

/* ------------------------------------------------------------------ */
/* Call manager (ProtocolCm* and the CM's ProtocolCo* handlers)         */
/* ------------------------------------------------------------------ */

/**
 * struct condis_cm_ops - call manager handlers
 * @open_af: ProtocolCmOpenAf. Required. May pend (condis_cm_open_af_complete).
 * @close_af: ProtocolCmCloseAf. Required. May pend (condis_cm_close_af_complete).
 *	Runs once for every AF that opened, also one condis closes after the
 *	client answered notify_close_af: the CM frees its AF state here.
 * @register_sap: ProtocolCmRegisterSap. Required. May pend
 *	(condis_cm_register_sap_complete).
 * @deregister_sap: ProtocolCmDeregisterSap. Required. May pend
 *	(condis_cm_deregister_sap_complete); frees the CM's per-SAP state.
 * @create_vc: ProtocolCoCreateVc for a client-created VC. Required. May
 *	not pend.
 * @delete_vc: ProtocolCoDeleteVc for a client-created VC. Required. May
 *	not pend. May refuse (-EBUSY, NOT_ACCEPTED, or any errno): see
 *	condis_co_delete_refusable().
 * @make_call: ProtocolCmMakeCall. Required. @party is the initial party of
 *	a multipoint call, or NULL. May pend (condis_cm_make_call_complete).
 * @close_call: ProtocolCmCloseCall. Required. May pend
 *	(condis_cm_close_call_complete).
 * @incoming_call_complete: ProtocolCmIncomingCallComplete. Required.
 *	Runs on the condis workqueue with the client's final answer.
 * @add_party: ProtocolCmAddParty. Required. May pend
 *	(condis_cm_add_party_complete).
 * @drop_party: ProtocolCmDropParty. Required. May pend
 *	(condis_cm_drop_party_complete).
 * @modify_qos: ProtocolCmModifyCallQoS. Required. May pend
 *	(condis_cm_modify_qos_complete).
 * @activate_vc_complete: ProtocolCmActivateVcComplete. Required for a
 *	stand-alone CM (an MCM activates synchronously).
 * @deactivate_vc_complete: ProtocolCmDeactivateVcComplete. Required for a
 *	stand-alone CM.
 * @notify_close_af_complete: ProtocolCmNotifyCloseAfComplete. Required.
 *	An AF the client answered for and left open and empty is still open
 *	here; condis closes it (close_af) right after. An AF the client
 *	closed before answering had its close_af already: @cm_af_ctx is NULL.
 * @oid_request: ProtocolCoOidRequest from the client. Required. May pend
 *	(condis_co_oid_request_complete).
 * @oid_request_complete: ProtocolCoOidRequestComplete. Required.
 * @receive: ProtocolCoReceiveNetBufferLists on a VC the CM created for its
 *	own signalling. Optional. Atomic context; takes the skb.
 * @send_complete: ProtocolCoSendNetBufferListsComplete. Optional (required
 *	to send). Takes the skb back. Runs on condis's send-completion
 *	workqueue, which closing a call waits for: it must not take a lock
 *	its role holds while closing one.
 * @status: ProtocolCoStatusEx. Optional.
 * @flags: %CONDIS_CM_DIRECT_COMPLETE: the CM makes its call and party
 *	completions (make, close, add, drop, QoS modify) and dispatches
 *	(incoming call, call connected, incoming close, incoming drop party,
 *	incoming QoS change) holding no lock that its own handlers or a
 *	client's take, and never from within one of its handlers. To a
 *	client that declared %CONDIS_CLIENT_DIRECT_COMPLETE too, condis then
 *	delivers them from within the completion, in the CM's context, when
 *	that context may sleep (as NDIS calls the client's handler from
 *	within NdisCmMakeCallComplete), and the handlers the client calls
 *	back may run there too. From interrupt context, with interrupts off
 *	and (in kernels that count preemption) under a spinlock or RCU they
 *	stay queued.
 *
 * Every handler but @receive runs in process context.
 */
struct condis_cm_ops {
	int (*open_af)(void *cm_ctx, struct condis_af *af, void **cm_af_ctx);
	int (*close_af)(void *cm_af_ctx);
	int (*register_sap)(void *cm_af_ctx, const struct condis_sap_desc *desc,
			    struct condis_sap *sap, void **cm_sap_ctx);
	int (*deregister_sap)(void *cm_sap_ctx);
	int (*create_vc)(void *cm_af_ctx, struct condis_vc *vc, void **cm_vc_ctx);
	int (*delete_vc)(void *cm_vc_ctx);
	int (*make_call)(void *cm_vc_ctx, struct condis_call_params *cp,
			 struct condis_party *party, void **cm_party_ctx);
	int (*close_call)(void *cm_vc_ctx, void *cm_party_ctx,
			  const void *buf, u32 len);
	void (*incoming_call_complete)(int status, void *cm_vc_ctx,
				       const struct condis_call_params *cp);
	int (*add_party)(void *cm_vc_ctx, struct condis_call_params *cp,
			 struct condis_party *party, void **cm_party_ctx);
	int (*drop_party)(void *cm_party_ctx, const void *buf, u32 len);
	int (*modify_qos)(void *cm_vc_ctx, struct condis_call_params *cp);
	void (*activate_vc_complete)(int status, void *cm_vc_ctx,
				     const struct condis_call_params *cp);
	void (*deactivate_vc_complete)(int status, void *cm_vc_ctx);
	void (*notify_close_af_complete)(int status, void *cm_af_ctx);
	int (*oid_request)(void *cm_af_ctx, void *cm_vc_ctx,
			   struct condis_oid_request *req);
	void (*oid_request_complete)(void *cm_af_ctx, struct condis_oid_request *req,
				     int status);
	void (*receive)(void *cm_vc_ctx, struct sk_buff *skb);
	void (*send_complete)(void *cm_vc_ctx, struct sk_buff *skb, int status);
	void (*status)(void *cm_ctx, void *cm_vc_ctx, int status,
		       const void *buf, u32 len);
	u32 flags;
};

/* condis_cm_ops.flags */
#define CONDIS_CM_DIRECT_COMPLETE	BIT(0)

int condis_cm_register_af(struct condis_adapter *adapter, u32 af_type,
			  const struct condis_cm_ops *ops, void *cm_ctx,
			  struct condis_cm **cm);
int condis_mcm_register_af(struct condis_adapter *adapter, u32 af_type,
			   const struct condis_cm_ops *ops, void *cm_ctx,
			   struct condis_cm **cm);
void condis_cm_unregister(struct condis_cm *cm);

void condis_cm_open_af_complete(int status, struct condis_af *af, void *cm_af_ctx);
void condis_cm_close_af_complete(int status, struct condis_af *af);
int condis_cm_notify_close_af(struct condis_af *af);
void condis_cm_register_sap_complete(int status, struct condis_sap *sap,
				     void *cm_sap_ctx);
void condis_cm_deregister_sap_complete(int status, struct condis_sap *sap);
void condis_cm_make_call_complete(int status, struct condis_vc *vc,
				  struct condis_party *party, void *cm_party_ctx,
				  struct condis_call_params *cp);
void condis_cm_close_call_complete(int status, struct condis_vc *vc,
				   struct condis_party *party);
void condis_cm_add_party_complete(int status, struct condis_party *party,
				  void *cm_party_ctx, struct condis_call_params *cp);
void condis_cm_drop_party_complete(int status, struct condis_party *party);
void condis_cm_modify_qos_complete(int status, struct condis_vc *vc,
				   struct condis_call_params *cp);
int condis_cm_activate_vc(struct condis_vc *vc, struct condis_call_params *cp);
int condis_cm_deactivate_vc(struct condis_vc *vc);
int condis_cm_dispatch_incoming_call(struct condis_sap *sap, struct condis_vc *vc,
				     const struct condis_call_params *cp);
void condis_cm_dispatch_call_connected(struct condis_vc *vc);
void condis_cm_dispatch_incoming_close(int cause, struct condis_vc *vc,
				       const void *buf, u32 len);
void condis_cm_dispatch_incoming_drop_party(int cause, struct condis_party *party,
					    const void *buf, u32 len);
void condis_cm_dispatch_incoming_qos_change(struct condis_vc *vc,
					    const struct condis_call_params *cp);

/*
 * Integrated call managers (NdisMCm*): the same chains, called by the
 * miniport that registered the AF with condis_mcm_register_af(). Activation
 * is synchronous for an MCM: it programs its own hardware.
 */
#define condis_mcm_open_af_complete		condis_cm_open_af_complete
#define condis_mcm_close_af_complete		condis_cm_close_af_complete
#define condis_mcm_notify_close_af		condis_cm_notify_close_af
#define condis_mcm_register_sap_complete	condis_cm_register_sap_complete
#define condis_mcm_deregister_sap_complete	condis_cm_deregister_sap_complete
#define condis_mcm_make_call_complete		condis_cm_make_call_complete
#define condis_mcm_close_call_complete		condis_cm_close_call_complete
#define condis_mcm_add_party_complete		condis_cm_add_party_complete
#define condis_mcm_drop_party_complete		condis_cm_drop_party_complete
#define condis_mcm_modify_qos_complete		condis_cm_modify_qos_complete
#define condis_mcm_dispatch_incoming_call	condis_cm_dispatch_incoming_call
#define condis_mcm_dispatch_call_connected	condis_cm_dispatch_call_connected
#define condis_mcm_dispatch_incoming_close	condis_cm_dispatch_incoming_close
#define condis_mcm_dispatch_incoming_drop_party	condis_cm_dispatch_incoming_drop_party
#define condis_mcm_dispatch_incoming_qos_change	condis_cm_dispatch_incoming_qos_change
#define condis_mcm_create_vc			condis_cm_create_vc
#define condis_mcm_delete_vc			condis_cm_delete_vc
int condis_mcm_activate_vc(struct condis_vc *vc, struct condis_call_params *cp);
int condis_mcm_deactivate_vc(struct condis_vc *vc);

/* ------------------------------------------------------------------ */
/* Client (ProtocolCl* and the client's ProtocolCo* handlers)           */
/* ------------------------------------------------------------------ */

/* condis_client_ops.flags */
#define CONDIS_CLIENT_INLINE_SEND_COMPLETE	BIT(0)
#define CONDIS_CLIENT_SEND_NO_RETURN		BIT(1)
#define CONDIS_CLIENT_DIRECT_COMPLETE		BIT(2)

/**
 * struct condis_client_ops - client handlers
 * @af_register_notify: ProtocolCoAfRegisterNotify: a CM registered
 *	@af_type on @adapter in the client's namespace. Optional (a client
 *	that knows its adapter and AF type opens the AF without it).
 * @open_af_complete: ProtocolClOpenAfCompleteEx. Required.
 * @close_af_complete: ProtocolClCloseAfComplete. Required. The client may
 *	free its AF state from here on.
 * @notify_close_af: ProtocolClNotifyCloseAf: the CM wants the AF closed.
 *	Required. Answer with condis_cl_notify_close_af_complete() after
 *	closing calls, SAPs and the AF. An AF left open and empty is closed
 *	by condis then (the CM's close_af runs, close_af_complete does not).
 * @register_sap_complete: ProtocolClRegisterSapComplete. Required. On
 *	failure @sap is already invalid.
 * @deregister_sap_complete: ProtocolClDeregisterSapComplete. Required.
 *	Runs after the incoming_call of every call offered on the SAP
 *	before: the client may free its SAP state from here on.
 * @create_vc: ProtocolCoCreateVc for a CM-created VC. Required. May not pend.
 * @delete_vc: ProtocolCoDeleteVc for a CM-created VC. Required. May not
 *	pend. May refuse: see condis_co_delete_refusable().
 * @make_call_complete: ProtocolClMakeCallComplete. Required. On failure
 *	@party is already invalid. @cp are the (maybe changed) parameters.
 * @close_call_complete: ProtocolClCloseCallComplete. Required.
 * @incoming_call: ProtocolClIncomingCall. Required. Return 0 to accept, an
 *	errno to reject or %CONDIS_PENDING and later call
 *	condis_cl_incoming_call_complete().
 * @call_connected: ProtocolClCallConnected. Optional (nothing to do).
 * @incoming_close: ProtocolClIncomingCloseCall. Required. Answer with
 *	condis_cl_close_call().
 * @modify_qos_complete: ProtocolClModifyCallQoSComplete. Optional:
 *	without it condis_cl_modify_qos() is refused (-EOPNOTSUPP).
 * @incoming_qos_change: ProtocolClIncomingCallQoSChange. Optional (the
 *	call's parameters change all the same).
 * @add_party_complete: ProtocolClAddPartyComplete. On failure @party is
 *	already invalid. The three party handlers are optional together: a
 *	client without them makes no multipoint call and adds no party
 *	(-EOPNOTSUPP); one with some of them does not register.
 * @drop_party_complete: ProtocolClDropPartyComplete. See @add_party_complete.
 * @incoming_drop_party: ProtocolClIncomingDropParty. Answer with
 *	condis_cl_drop_party(). See @add_party_complete.
 * @oid_request: ProtocolCoOidRequest from the CM. Optional: without it the
 *	CM's requests fail (-EOPNOTSUPP, NDIS_STATUS_NOT_SUPPORTED). May pend
 *	(condis_co_oid_request_complete).
 * @oid_request_complete: ProtocolCoOidRequestComplete. Optional: without
 *	it the client's own condis_co_oid_request() is refused (-EOPNOTSUPP).
 * @receive: ProtocolCoReceiveNetBufferLists. Optional. Atomic context
 *	(softirq): must not sleep. Takes the skb.
 * @send_complete: ProtocolCoSendNetBufferListsComplete. Optional (required
 *	to send). Takes the skb back (NULL where the miniport kept it, with
 *	%CONDIS_CLIENT_SEND_NO_RETURN). Runs on condis's send-completion
 *	workqueue, which closing a call waits for: it must not take a lock
 *	its role holds while closing one. With
 *	%CONDIS_CLIENT_INLINE_SEND_COMPLETE, see @flags.
 * @status: ProtocolCoStatusEx. Optional.
 * @flags: %CONDIS_CLIENT_INLINE_SEND_COMPLETE: a frame the miniport
 *	completes from within its send has its @send_complete run at once,
 *	from within condis_co_send() and in its context (any up to softirq),
 *	as NDIS allows: the client holds no lock @send_complete takes around
 *	condis_co_send(). Other completions stay on the workqueue.
 *	%CONDIS_CLIENT_SEND_NO_RETURN (with the first): the client does not
 *	want its frames back, and its @send_complete takes a NULL skb: a
 *	miniport sending at once may hand the skb itself on (no clone or
 *	copy to give back) and complete without it, from within its send.
 *	%CONDIS_CLIENT_DIRECT_COMPLETE: with a CM that declared
 *	%CONDIS_CM_DIRECT_COMPLETE, its call and party completions and
 *	indications may run in the CM's context (see condis_cm_ops): the
 *	client waits for nothing the CM does (a CM's workqueue) while holding
 *	a lock those handlers take.
 *
 * Every handler but @receive (and an inline @send_complete) runs in
 * process context, on a condis workqueue or (%CONDIS_CLIENT_DIRECT_COMPLETE)
 * in a CM's.
 */
struct condis_client_ops {
	void (*af_register_notify)(void *cl_ctx, struct condis_adapter *adapter,
				   u32 af_type);
	void (*open_af_complete)(int status, void *cl_af_ctx, struct condis_af *af);
	void (*close_af_complete)(int status, void *cl_af_ctx);
	void (*notify_close_af)(void *cl_af_ctx);
	void (*register_sap_complete)(int status, void *cl_sap_ctx,
				      struct condis_sap *sap);
	void (*deregister_sap_complete)(int status, void *cl_sap_ctx);
	int (*create_vc)(void *cl_af_ctx, struct condis_vc *vc, void **cl_vc_ctx);
	int (*delete_vc)(void *cl_vc_ctx);
	void (*make_call_complete)(int status, void *cl_vc_ctx,
				   struct condis_party *party,
				   const struct condis_call_params *cp);
	void (*close_call_complete)(int status, void *cl_vc_ctx, void *cl_party_ctx);
	int (*incoming_call)(void *cl_sap_ctx, void *cl_vc_ctx,
			     struct condis_call_params *cp);
	void (*call_connected)(void *cl_vc_ctx);
	void (*incoming_close)(int cause, void *cl_vc_ctx, const void *buf, u32 len);
	void (*modify_qos_complete)(int status, void *cl_vc_ctx,
				    const struct condis_call_params *cp);
	void (*incoming_qos_change)(void *cl_vc_ctx,
				    const struct condis_call_params *cp);
	void (*add_party_complete)(int status, void *cl_party_ctx,
				   struct condis_party *party,
				   const struct condis_call_params *cp);
	void (*drop_party_complete)(int status, void *cl_party_ctx);
	void (*incoming_drop_party)(int cause, void *cl_party_ctx,
				    const void *buf, u32 len);
	int (*oid_request)(void *cl_af_ctx, void *cl_vc_ctx,
			   struct condis_oid_request *req);
	void (*oid_request_complete)(void *cl_af_ctx, struct condis_oid_request *req,
				     int status);
	void (*receive)(void *cl_vc_ctx, struct sk_buff *skb);
	void (*send_complete)(void *cl_vc_ctx, struct sk_buff *skb, int status);
	void (*status)(void *cl_ctx, void *cl_vc_ctx, int status,
		       const void *buf, u32 len);
	u32 flags;
};

int condis_client_register(struct net *net, const char *name,
			   const struct condis_client_ops *ops, void *cl_ctx,
			   struct condis_client **client);
void condis_client_unregister(struct condis_client *client);

int condis_cl_open_af(struct condis_client *client, struct condis_adapter *adapter,
		      u32 af_type, void *cl_af_ctx, struct condis_af **af);
int condis_cl_close_af(struct condis_af *af);
void condis_cl_notify_close_af_complete(int status, struct condis_af *af);
int condis_cl_register_sap(struct condis_af *af, const struct condis_sap_desc *desc,
			   void *cl_sap_ctx, struct condis_sap **sap);
int condis_cl_deregister_sap(struct condis_sap *sap);
int condis_cl_make_call(struct condis_vc *vc, struct condis_call_params *cp,
			void *cl_party_ctx, struct condis_party **party);
int condis_cl_close_call(struct condis_vc *vc, struct condis_party *party,
			 const void *buf, u32 len);
void condis_cl_incoming_call_complete(int status, struct condis_vc *vc,
				      const struct condis_call_params *cp);
int condis_cl_add_party(struct condis_vc *vc, void *cl_party_ctx,
			const struct condis_call_params *cp,
			struct condis_party **party);
int condis_cl_drop_party(struct condis_party *party, const void *buf, u32 len);
int condis_cl_modify_qos(struct condis_vc *vc, struct condis_call_params *cp);

/* ------------------------------------------------------------------ */
/* Both protocols (NdisCo*)                                            */
/* ------------------------------------------------------------------ */

/*
 * NdisCoCreateVc/NdisCoDeleteVc, one per role so that condis knows the
 * creator: only the creator may delete a VC.
 */
int condis_cl_create_vc(struct condis_af *af, void *cl_vc_ctx, struct condis_vc **vc);
int condis_cl_delete_vc(struct condis_vc *vc);
int condis_cm_create_vc(struct condis_af *af, void *cm_vc_ctx, struct condis_vc **vc);
int condis_cm_create_signalling_vc(struct condis_cm *cm, void *cm_vc_ctx,
				   struct condis_vc **vc);
int condis_cm_delete_vc(struct condis_vc *vc);
int condis_co_delete_vc_atomic(struct condis_vc *vc, bool by_cm);
bool condis_co_delete_refusable(struct condis_vc *vc);
int condis_co_send(struct condis_vc *vc, struct sk_buff *skb);
void condis_co_sends_wait(struct condis_vc *vc);
int condis_co_oid_request(struct condis_af *af, struct condis_vc *vc, bool from_cm,
			  enum condis_oid_dest dest, struct condis_oid_request *req);
void condis_co_oid_request_complete(struct condis_af *af,
				    struct condis_oid_request *req, int status);

/* ------------------------------------------------------------------ */
/* Status codes, identifiers, verifier                                 */
/* ------------------------------------------------------------------ */

u32 condis_status_to_ndis(int status);
int condis_status_from_ndis(u32 ndis_status);
const char *condis_status_name(int status);

/* Stable numeric ids (as seen over netlink); 0 for an invalid handle. */
u32 condis_handle_id(const void *handle);

void condis_flush(void);

/* How long a request may pend before condis reports it (pend_timeout_ms). */
unsigned int condis_get_pend_timeout_ms(void);

#endif /* _NET_CONDIS_H */
