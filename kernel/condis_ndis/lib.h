/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The NDIS library's objects: what an NDIS handle given to a driver is.
 *
 * Every handle the library gives a driver (NdisBindingHandle, NdisAfHandle,
 * NdisSapHandle, NdisVcHandle, NdisPartyHandle, MiniportAdapterHandle, the
 * driver handles) is one of these, each holding the condis handle it
 * stands for and the driver's own context for it. A VC that two NDIS
 * drivers share (a client and a call manager, a miniport) has a struct
 * ndis_vc for each: each driver's NdisVcHandle is its own.
 *
 * condis gives the library back what it registered as the role's
 * context: a struct ndis_drv for a client or a miniport registration, a
 * struct ndis_cm for a call manager's, and the struct ndis_af, ndis_sap,
 * ndis_vc or ndis_party for an object.
 */
#ifndef _CONDIS_NDIS_LIB_H
#define _CONDIS_NDIS_LIB_H

#include <linux/completion.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/xarray.h>
#include <net/condis.h>
#include <net/condis_ndis.h>

/* every allocation the library makes: drivers call it at DISPATCH_LEVEL too */
#define NDIS_GFP	(GFP_ATOMIC | __GFP_NOWARN)

#define NDIS_LIB_NAMESZ		32

/* ---- statuses at the boundary -------------------------------------------------------------- */

/* An NDIS_STATUS a driver returned, as condis takes it. */
static inline int ndis_to_condis(NDIS_STATUS status)
{
	if (status == NDIS_STATUS_PENDING)
		return CONDIS_PENDING;
	return condis_status_from_ndis((u32)status);
}

/* A condis status, as a driver is given it. */
static inline NDIS_STATUS ndis_from_condis(int status)
{
	return (NDIS_STATUS)condis_status_to_ndis(status);
}

/* ---- drivers --------------------------------------------------------------------------------- */

enum ndis_drv_kind {
	NDIS_PROTOCOL_DRIVER,
	NDIS_MINIPORT_DRIVER,
};

/**
 * struct ndis_drv - a registered driver (NdisProtocolHandle,
 *	NdisMiniportDriverHandle; the NdisDriverHandle of SetOptions)
 * @kind: protocol or miniport
 * @ctx: ProtocolDriverContext or MiniportDriverContext
 * @name: for condis (the client's name)
 * @pchars: a protocol's characteristics (a copy)
 * @mchars: a miniport's characteristics (a copy)
 * @co: NdisSetOptionalHandlers' protocol CoNDIS handlers
 * @cl: its client handlers
 * @cm: its call manager handlers
 * @mco: a miniport's CoNDIS handlers
 * @has_co: @co was given
 * @has_cl: @cl was given
 * @has_cm: @cm was given
 * @has_mco: @mco was given
 * @client: the condis client of a protocol with client handlers
 * @lock: @binds, @adapters, @notes and the bindings' states
 * @binds: a protocol's bindings (struct ndis_bind)
 * @adapters: a miniport's adapters (struct ndis_mp)
 * @notes: address families condis told the client of on an adapter it
 *	was not bound to yet (struct ndis_af_note)
 * @cl_lock: guards @cl_afs and @cl_saps
 * @cl_afs: the client's AFs (struct ndis_af) until they go: what it leaves
 *	open goes with it (ndis_drv_free)
 * @cl_saps: the client's SAPs (struct ndis_sap), the same
 * @node: the library's list of protocol drivers
 */
struct ndis_drv {
	enum ndis_drv_kind kind;
	NDIS_HANDLE ctx;
	char name[NDIS_LIB_NAMESZ];
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS pchars;
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS mchars;
	NDIS_PROTOCOL_CO_CHARACTERISTICS co;
	NDIS_CO_CLIENT_OPTIONAL_HANDLERS cl;
	NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS cm;
	NDIS_MINIPORT_CO_CHARACTERISTICS mco;
	bool has_co, has_cl, has_cm, has_mco;
	struct condis_client *client;
	struct mutex lock;
	struct list_head binds;
	struct list_head adapters;
	struct list_head notes;
	spinlock_t cl_lock;
	struct list_head cl_afs, cl_saps;
	struct list_head node;
};

/* An AF condis told a client of, kept until the client's binding stands. */
struct ndis_af_note {
	struct condis_adapter *adapter;
	u32 af_type;
	struct list_head node;
};

/* ---- protocol bindings ------------------------------------------------------------------------ */

enum ndis_bind_state {
	NDIS_BIND_BINDING,	/* ProtocolBindAdapterEx called, not complete */
	NDIS_BIND_BOUND,
	NDIS_BIND_UNBINDING,	/* ProtocolUnbindAdapterEx called, not complete */
	NDIS_BIND_DONE,		/* failed or unbound: going */
};

/**
 * struct ndis_bind - a protocol bound to an adapter (the BindContext,
 *	UnbindContext and NdisBindingHandle)
 * @drv: the protocol
 * @adapter: the condis adapter
 * @ctx: ProtocolBindingContext (NdisOpenAdapterEx's)
 * @state: enum ndis_bind_state, under @drv->lock
 * @open: NdisOpenAdapterEx succeeded, NdisCloseAdapterEx not called
 * @done: NdisCompleteBindAdapterEx or NdisCompleteUnbindAdapterEx came
 * @status: the bind's final status
 * @cms: the AFs its call manager registered on it (struct ndis_cm)
 * @oids: its adapter-wide OID requests not completed yet
 * @node: @drv->binds
 * @todo: the binds a work item is to call
 * @name: the adapter's name as NDIS gives it (AdapterName)
 * @name_buf: @name's characters
 */
struct ndis_bind {
	struct ndis_drv *drv;
	struct condis_adapter *adapter;
	NDIS_HANDLE ctx;
	u8 state;
	bool open;
	struct completion done;
	NDIS_STATUS status;
	struct list_head cms;
	atomic_t oids;
	struct list_head node;
	struct list_head todo;
	NDIS_STRING name;
	WCHAR name_buf[NDIS_LIB_NAMESZ];
};

/* ---- miniport adapters ------------------------------------------------------------------------- */

/**
 * struct ndis_mp - an adapter of a miniport driver (MiniportAdapterHandle)
 * @drv: the miniport driver
 * @adapter: the condis adapter
 * @ctx: MiniportAdapterContext (NdisMSetMiniportAttributes')
 * @cms: the AFs it registered as a miniport call manager (struct ndis_cm)
 * @vcs: its VCs as a miniport call manager has them, by condis VC id (one
 *	NdisVcHandle for both its roles)
 * @create_lock: NdisMCmCreateVc, one at a time
 * @creating: the VC NdisMCmCreateVc is creating
 * @node: @drv->adapters
 * @rx_held: its receives not given back yet (frames.c, under its ndis_rx_lock)
 * @name: its condis name
 */
struct ndis_mp {
	struct ndis_drv *drv;
	struct condis_adapter *adapter;
	NDIS_HANDLE ctx;
	struct list_head cms;
	struct xarray vcs;
	struct mutex create_lock;
	struct ndis_vc *creating;
	struct list_head node;
	struct list_head rx_held;
	char name[NDIS_LIB_NAMESZ];
};

/* ---- call manager registrations, AFs, SAPs, VCs, parties --------------------------------------- */

/**
 * struct ndis_cm - an address family a call manager registered (condis's
 *	CM context)
 * @drv: the call manager (a protocol, or a miniport: an MCM)
 * @bind: a stand-alone CM's binding
 * @mp: an MCM's adapter
 * @af: the address family as registered
 * @cm: the condis registration
 * @node: @bind->cms or @mp->cms
 */
struct ndis_cm {
	struct ndis_drv *drv;
	struct ndis_bind *bind;
	struct ndis_mp *mp;
	CO_ADDRESS_FAMILY af;
	struct condis_cm *cm;
	struct list_head node;
};

/**
 * struct ndis_af - an open AF, as its client or its call manager has it
 *	(NdisAfHandle)
 * @af: the condis AF
 * @drv: the driver holding this handle
 * @bind: a client's binding
 * @cm: a call manager's registration
 * @ctx: ClientAfContext or CallMgrAfContext
 * @node: a client's: its driver's cl_afs
 */
struct ndis_af {
	struct condis_af *af;
	struct ndis_drv *drv;
	struct ndis_bind *bind;
	struct ndis_cm *cm;
	NDIS_HANDLE ctx;
	struct list_head node;
};

/**
 * struct ndis_sap - a SAP, as its client or its call manager has it
 *	(NdisSapHandle)
 * @sap: the condis SAP
 * @af: the AF it is on, as this driver has it
 * @ctx: ProtocolSapContext or CallMgrSapContext
 * @client_sap: the client's CO_SAP, handed back to its completion
 * @node: a client's: its driver's cl_saps
 * @co_sap: the call manager's CO_SAP (SapLength bytes follow)
 */
struct ndis_sap {
	struct condis_sap *sap;
	struct ndis_af *af;
	NDIS_HANDLE ctx;
	PCO_SAP client_sap;
	struct list_head node;
	CO_SAP co_sap;
};

enum ndis_role {
	NDIS_ROLE_CL,
	NDIS_ROLE_CM,
	NDIS_ROLE_MP,
};

/*
 * Call parameters in flight on one chain: @mine is the driver's own
 * CO_CALL_PARAMETERS (a request it made; handed back to its completion),
 * @given the one the library made for a handler of the driver (freed
 * when the chain ends), @cp condis's parameters @given stands for (the
 * driver's changes go back into them).
 */
struct ndis_params_slot {
	PCO_CALL_PARAMETERS mine;
	PCO_CALL_PARAMETERS given;
	struct condis_call_params *cp;
};

/**
 * struct ndis_vc - a VC, as one driver has it (NdisVcHandle)
 * @vc: the condis VC
 * @role: enum ndis_role of the driver holding it
 * @creator: that driver created it (it deletes it)
 * @drv: the driver
 * @af: the AF, as the driver has it (NULL for a miniport, and for a call
 *	manager's own VC)
 * @mp: a miniport's adapter
 * @bind: a protocol's binding (its ProtocolBindingContext for receives)
 * @ctx: ProtocolVcContext, CallMgrVcContext or MiniportVcContext
 * @make: make call (client: NdisClMakeCall; CM: ProtocolCmMakeCall)
 * @make_party: the initial party of a multipoint make call in flight
 * @qos: QoS change (NdisClModifyCallQoS / ProtocolCmModifyCallQoS)
 * @incoming: an incoming call (client: ProtocolClIncomingCall; CM:
 *	NdisCmDispatchIncomingCall's)
 * @activate: activation (CM: NdisCmActivateVc; miniport:
 *	MiniportCoActivateVc)
 * @queued: its requests queued to be made from process context (defer.h)
 */
struct ndis_vc {
	struct condis_vc *vc;
	u8 role;
	bool creator;
	struct ndis_drv *drv;
	struct ndis_af *af;
	struct ndis_mp *mp;
	struct ndis_bind *bind;
	NDIS_HANDLE ctx;
	struct ndis_params_slot make;
	struct ndis_party *make_party;
	struct ndis_params_slot qos;
	struct ndis_params_slot incoming;
	struct ndis_params_slot activate;
	atomic_t queued;
};

/**
 * struct ndis_party - a party of a multipoint VC, as one driver has it
 *	(NdisPartyHandle)
 * @party: the condis party
 * @vc: its VC, as the driver has it
 * @ctx: ProtocolPartyContext or CallMgrPartyContext
 * @add: add party (NdisClAddParty's or ProtocolCmAddParty's parameters)
 */
struct ndis_party {
	struct condis_party *party;
	struct ndis_vc *vc;
	NDIS_HANDLE ctx;
	struct ndis_params_slot add;
};

/*
 * What the library keeps in an NDIS_OID_REQUEST's NdisReserved: for a
 * request a driver made, the condis request and where it went; for one it
 * made for a driver's handler, the condis request it answers.
 */
struct ndis_oid_ctx {
	struct condis_oid_request req;		/* a driver's request, as condis has it */
	struct condis_oid_request *answers;	/* the condis request a handler's answers */
	struct ndis_af *af;
	struct ndis_vc *vc;
	struct ndis_party *party;
	struct ndis_mp *mp;
	struct ndis_bind *bind;			/* an adapter-wide request's binding */
	u8 to_miniport;
};

static inline struct ndis_oid_ctx *ndis_oid_ctx(PNDIS_OID_REQUEST req)
{
	BUILD_BUG_ON(sizeof(struct ndis_oid_ctx) > sizeof(req->NdisReserved));
	return (struct ndis_oid_ctx *)req->NdisReserved;
}

/* the library's workqueue: binds, unbinds, asynchronous completions */
extern struct workqueue_struct *ndis_wq;

#endif /* _CONDIS_NDIS_LIB_H */
