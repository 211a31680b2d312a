// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit, condis_ndis_drivers: its world, two drivers as the DDK pages
 * describe them. A miniport call manager registers an address family on
 * its adapter; its MiniportCoSendNetBufferLists completes each list with a
 * status of its own (a frame starting "refuse" is refused); its make and
 * close call handlers activate and deactivate the VC. A client binds to
 * the adapter, opens the AF, registers a SAP, answers incoming calls as
 * the test says, holds what it receives until the test returns it, and
 * logs each send completion.
 */
#include <linux/module.h>
#include <linux/string.h>
#include <net/net_namespace.h>
#include "drivers_test.h"

#define KT_AF		0x80f1
#define KT_ADAPTER	"ndiskt0"
#define KT_TAG		0x74644e4b	/* 'KNdt' */
#define KT_DATA		64

struct kt_world kt;

static VOID kt_wake(atomic_t *count)
{
	atomic_inc(count);
	wake_up_all(&kt.wq);
}

/* A VC the other driver created: its context, remembered in @Slot. */
static NDIS_STATUS kt_vc_new(NDIS_HANDLE NdisVcHandle, struct kt_vc **Slot,
			     PNDIS_HANDLE ProtocolVcContext)
{
	struct kt_vc *Vc = kzalloc(sizeof(*Vc), GFP_KERNEL);

	if (!Vc)
		return NDIS_STATUS_RESOURCES;
	Vc->NdisVcHandle = NdisVcHandle;
	*Slot = Vc;
	*ProtocolVcContext = Vc;
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS kt_vc_free(struct kt_vc **Slot, NDIS_HANDLE ProtocolVcContext)
{
	if (*Slot == ProtocolVcContext)
		*Slot = NULL;
	kfree(ProtocolVcContext);
	return NDIS_STATUS_SUCCESS;
}

/* ---- frames ------------------------------------------------------------------------------------ */

static NDIS_HANDLE kt_pool(NDIS_HANDLE Handle)
{
	NET_BUFFER_LIST_POOL_PARAMETERS P;

	NdisZeroMemory(&P, sizeof(P));
	P.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
	P.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
	P.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
	P.ProtocolId = NDIS_PROTOCOL_ID_DEFAULT;
	P.fAllocateNetBuffer = TRUE;
	P.PoolTag = KT_TAG;
	P.DataSize = KT_DATA;
	return NdisAllocateNetBufferListPool(Handle, &P);
}

/* A list of one buffer of pool data holding @Text. */
PNET_BUFFER_LIST kt_frame(NDIS_HANDLE Pool, const char *Text)
{
	PNET_BUFFER_LIST Nbl = NdisAllocateNetBufferList(Pool, 0, 0);
	PNET_BUFFER Nb;
	PUCHAR Buf;
	ULONG Avail;

	if (!Nbl)
		return NULL;
	Nb = NET_BUFFER_LIST_FIRST_NB(Nbl);
	NdisQueryMdl(NET_BUFFER_CURRENT_MDL(Nb), &Buf, &Avail, NormalPoolPriority);
	NET_BUFFER_DATA_LENGTH(Nb) = min_t(ULONG, strlen(Text), Avail);
	NdisMoveMemory(Buf + NET_BUFFER_CURRENT_MDL_OFFSET(Nb), Text, NET_BUFFER_DATA_LENGTH(Nb));
	return Nbl;
}

/* Overwrite what @Nbl's first buffer holds. */
VOID kt_frame_spoil(PNET_BUFFER_LIST Nbl)
{
	PNET_BUFFER Nb = NET_BUFFER_LIST_FIRST_NB(Nbl);
	PUCHAR Buf;
	ULONG Avail;

	NdisQueryMdl(NET_BUFFER_CURRENT_MDL(Nb), &Buf, &Avail, NormalPoolPriority);
	NdisFillMemory(Buf + NET_BUFFER_CURRENT_MDL_OFFSET(Nb), NET_BUFFER_DATA_LENGTH(Nb), 'X');
}

/* Does @Nbl's first buffer hold exactly @Text? */
BOOLEAN kt_frame_is(PNET_BUFFER_LIST Nbl, const char *Text)
{
	PNET_BUFFER Nb = NET_BUFFER_LIST_FIRST_NB(Nbl);
	UCHAR Storage[KT_DATA];
	PUCHAR Data;

	if (NET_BUFFER_DATA_LENGTH(Nb) != strlen(Text) || strlen(Text) > KT_DATA)
		return FALSE;
	Data = NdisGetDataBuffer(Nb, NET_BUFFER_DATA_LENGTH(Nb), Storage, 1, 0);
	return Data && NdisEqualMemory(Data, Text, strlen(Text));
}

VOID kt_frames_free(PNET_BUFFER_LIST Nbl)
{
	PNET_BUFFER_LIST Next;

	for (; Nbl; Nbl = Next) {
		Next = NET_BUFFER_LIST_NEXT_NBL(Nbl);
		NET_BUFFER_LIST_NEXT_NBL(Nbl) = NULL;
		NdisFreeNetBufferList(Nbl);
	}
}

/* ---- the miniport call manager ------------------------------------------------------------------ */

static NDIS_STATUS McmInitialize(NDIS_HANDLE NdisMiniportHandle, NDIS_HANDLE MiniportDriverContext,
				 PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
	NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
	CO_ADDRESS_FAMILY Af = { .AddressFamily = KT_AF, .MajorVersion = 1 };
	NDIS_STATUS Status;

	NdisZeroMemory(&Reg, sizeof(Reg));
	Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
	Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
	Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
	Reg.MiniportAdapterContext = &kt;
	Reg.InterfaceType = NdisInterfaceInternal;
	Status = NdisMSetMiniportAttributes(NdisMiniportHandle,
					    (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
	if (Status != NDIS_STATUS_SUCCESS)
		return Status;
	kt.Adapter = NdisMiniportHandle;
	kt.McmPool = kt_pool(NdisMiniportHandle);
	if (!kt.McmPool)
		return NDIS_STATUS_RESOURCES;
	Status = NdisMCmRegisterAddressFamilyEx(NdisMiniportHandle, &Af);
	if (Status != NDIS_STATUS_SUCCESS)
		NdisFreeNetBufferListPool(kt.McmPool);
	return Status;
}

static VOID McmHalt(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
	NdisFreeNetBufferListPool(kt.McmPool);
}

static VOID McmReturnNetBufferLists(NDIS_HANDLE MiniportAdapterContext,
				    PNET_BUFFER_LIST NetBufferLists, ULONG ReturnFlags)
{
	PNET_BUFFER_LIST Nbl;

	for (Nbl = NetBufferLists; Nbl; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
		atomic_inc(&kt.mp_returned);
	kt_frames_free(NetBufferLists);
	wake_up_all(&kt.wq);
}

static VOID McmCoSendNetBufferLists(NDIS_HANDLE MiniportVcContext, PNET_BUFFER_LIST NetBufferLists,
				    ULONG SendFlags)
{
	struct kt_vc *Vc = MiniportVcContext;
	PNET_BUFFER_LIST Nbl;
	UCHAR Head[6], *Data;

	for (Nbl = NetBufferLists; Nbl; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl)) {
		Data = NdisGetDataBuffer(NET_BUFFER_LIST_FIRST_NB(Nbl), sizeof(Head), Head, 1, 0);
		NET_BUFFER_LIST_STATUS(Nbl) = Data && NdisEqualMemory(Data, "refuse", 6) ?
					      NDIS_STATUS_INVALID_PACKET : NDIS_STATUS_SUCCESS;
	}
	NdisMCoSendNetBufferListsComplete(Vc->NdisVcHandle, NetBufferLists, 0);
}

static NDIS_STATUS McmCoOidRequest(NDIS_HANDLE MiniportAdapterContext, NDIS_HANDLE MiniportVcContext,
				   PNDIS_OID_REQUEST NdisRequest)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

static NDIS_STATUS McmOpenAf(NDIS_HANDLE CallMgrBindingContext, PCO_ADDRESS_FAMILY AddressFamily,
			     NDIS_HANDLE NdisAfHandle, PNDIS_HANDLE CallMgrAfContext)
{
	kt.McmAf = NdisAfHandle;
	*CallMgrAfContext = &kt;
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS McmCloseAf(NDIS_HANDLE CallMgrAfContext)
{
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS McmRegisterSap(NDIS_HANDLE CallMgrAfContext, PCO_SAP Sap,
				  NDIS_HANDLE NdisSapHandle, PNDIS_HANDLE CallMgrSapContext)
{
	kt.McmSap = NdisSapHandle;
	*CallMgrSapContext = &kt;
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS McmDeregisterSap(NDIS_HANDLE CallMgrSapContext)
{
	return NDIS_STATUS_SUCCESS;
}

/* a client's VC: its context serves both the call manager and the miniport */
static NDIS_STATUS McmCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle,
			       PNDIS_HANDLE ProtocolVcContext)
{
	return kt_vc_new(NdisVcHandle, &kt.mcm_vc, ProtocolVcContext);
}

static NDIS_STATUS McmDeleteVc(NDIS_HANDLE ProtocolVcContext)
{
	return kt_vc_free(&kt.mcm_vc, ProtocolVcContext);
}

static NDIS_STATUS McmMakeCall(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
			       NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext)
{
	struct kt_vc *Vc = CallMgrVcContext;

	return NdisMCmActivateVc(Vc->NdisVcHandle, CallParameters);
}

static NDIS_STATUS McmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext,
				PVOID CloseData, UINT Size)
{
	struct kt_vc *Vc = CallMgrVcContext;

	return NdisMCmDeactivateVc(Vc->NdisVcHandle);
}

static VOID McmIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
				    PCO_CALL_PARAMETERS CallParameters)
{
	kt.incoming_status = Status;
	kt_wake(&kt.incoming_done);
}

static NDIS_STATUS McmAddParty(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
			       NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

static NDIS_STATUS McmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

static NDIS_STATUS McmModifyCallQoS(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters)
{
	return NDIS_STATUS_SUCCESS;
}

static VOID McmActivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
				  PCO_CALL_PARAMETERS CallParameters)
{
}

static VOID McmDeactivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext)
{
}

static NDIS_STATUS McmOidRequest(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
				 NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

static VOID McmOidRequestComplete(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
				  NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest,
				  NDIS_STATUS Status)
{
}

static VOID McmNotifyCloseAfComplete(NDIS_HANDLE CallMgrAfContext, NDIS_STATUS Status)
{
}

static NDIS_STATUS McmSetOptions(NDIS_HANDLE NdisDriverHandle, NDIS_HANDLE DriverContext)
{
	NDIS_MINIPORT_CO_CHARACTERISTICS Co;
	NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS Cm;
	NDIS_STATUS Status;

	NdisZeroMemory(&Co, sizeof(Co));
	Co.Header.Type = NDIS_OBJECT_TYPE_CO_MINIPORT_CHARACTERISTICS;
	Co.Header.Revision = NDIS_MINIPORT_CO_CHARACTERISTICS_REVISION_1;
	Co.Header.Size = NDIS_SIZEOF_MINIPORT_CO_CHARACTERISTICS_REVISION_1;
	Co.CoSendNetBufferListsHandler = McmCoSendNetBufferLists;
	Co.CoOidRequestHandler = McmCoOidRequest;
	Status = NdisSetOptionalHandlers(NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&Co);
	if (Status != NDIS_STATUS_SUCCESS)
		return Status;
	NdisZeroMemory(&Cm, sizeof(Cm));
	Cm.Header.Type = NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS;
	Cm.Header.Revision = NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
	Cm.Header.Size = NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
	Cm.CmCreateVcHandler = McmCreateVc;
	Cm.CmDeleteVcHandler = McmDeleteVc;
	Cm.CmOpenAfHandler = McmOpenAf;
	Cm.CmCloseAfHandler = McmCloseAf;
	Cm.CmRegisterSapHandler = McmRegisterSap;
	Cm.CmDeregisterSapHandler = McmDeregisterSap;
	Cm.CmMakeCallHandler = McmMakeCall;
	Cm.CmCloseCallHandler = McmCloseCall;
	Cm.CmIncomingCallCompleteHandler = McmIncomingCallComplete;
	Cm.CmAddPartyHandler = McmAddParty;
	Cm.CmDropPartyHandler = McmDropParty;
	Cm.CmActivateVcCompleteHandler = McmActivateVcComplete;
	Cm.CmDeactivateVcCompleteHandler = McmDeactivateVcComplete;
	Cm.CmModifyCallQoSHandler = McmModifyCallQoS;
	Cm.CmOidRequestHandler = McmOidRequest;
	Cm.CmOidRequestCompleteHandler = McmOidRequestComplete;
	Cm.CmNotifyCloseAfCompleteHandler = McmNotifyCloseAfComplete;
	return NdisSetOptionalHandlers(NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&Cm);
}

static NDIS_STATUS McmDriverEntry(void)
{
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

	NdisZeroMemory(&Chars, sizeof(Chars));
	Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
	Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1;
	Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1;
	Chars.MajorNdisVersion = NDIS_MINIPORT_MAJOR_VERSION;
	Chars.MinorNdisVersion = NDIS_MINIPORT_MINOR_VERSION;
	Chars.SetOptionsHandler = McmSetOptions;
	Chars.InitializeHandlerEx = McmInitialize;
	Chars.HaltHandlerEx = McmHalt;
	Chars.ReturnNetBufferListsHandler = McmReturnNetBufferLists;
	return NdisMRegisterMiniportDriver(NULL, NULL, NULL, &Chars, &kt.MiniportDriver);
}

/* ---- the client ------------------------------------------------------------------------------------- */

static PROTOCOL_CL_OPEN_AF_COMPLETE_EX ClOpenAfComplete;
static PROTOCOL_CL_REGISTER_SAP_COMPLETE ClRegisterSapComplete;
static PROTOCOL_CL_CLOSE_CALL_COMPLETE ClCloseCallComplete;

static NDIS_STATUS ClBindAdapter(NDIS_HANDLE ProtocolDriverContext, NDIS_HANDLE BindContext,
				 PNDIS_BIND_PARAMETERS BindParameters)
{
	NDIS_STRING Ours = NDIS_STRING_CONST("ndiskt0");	/* KT_ADAPTER */
	NDIS_MEDIUM Media[] = { NdisMediumCoWan };
	NDIS_OPEN_PARAMETERS Open;
	UINT Selected;

	if (!NdisEqualString(BindParameters->AdapterName, &Ours, FALSE))
		return NDIS_STATUS_NOT_SUPPORTED;
	NdisZeroMemory(&Open, sizeof(Open));
	Open.Header.Type = NDIS_OBJECT_TYPE_OPEN_PARAMETERS;
	Open.Header.Revision = NDIS_OPEN_PARAMETERS_REVISION_1;
	Open.Header.Size = NDIS_SIZEOF_OPEN_PARAMETERS_REVISION_1;
	Open.AdapterName = BindParameters->AdapterName;
	Open.MediumArray = Media;
	Open.MediumArraySize = ARRAY_SIZE(Media);
	Open.SelectedMediumIndex = &Selected;
	return NdisOpenAdapterEx(kt.Protocol, &kt, &Open, BindContext, &kt.Binding);
}

/*
 * Its SAP goes first; its AF it leaves open (condis closes it when the
 * client deregisters, and the library lets its part of it go: kmemleak
 * checks that), then the binding.
 */
static NDIS_STATUS ClUnbindAdapter(NDIS_HANDLE UnbindContext, NDIS_HANDLE ProtocolBindingContext)
{
	int gone = atomic_read(&kt.gone);

	if (kt.ClSap && NdisClDeregisterSap(kt.ClSap) == NDIS_STATUS_PENDING)
		wait_event_timeout(kt.wq, atomic_read(&kt.gone) > gone, 10 * HZ);
	NdisCloseAdapterEx(kt.Binding);
	return NDIS_STATUS_SUCCESS;
}

static VOID ClOpenAdapterComplete(NDIS_HANDLE ProtocolBindingContext, NDIS_STATUS Status)
{
}

static VOID ClCloseAdapterComplete(NDIS_HANDLE ProtocolBindingContext)
{
}

static VOID ClCoAfRegisterNotify(NDIS_HANDLE ProtocolBindingContext, PCO_ADDRESS_FAMILY AddressFamily)
{
	NDIS_STATUS Status;

	if (AddressFamily->AddressFamily != KT_AF)
		return;
	Status = NdisClOpenAddressFamilyEx(kt.Binding, AddressFamily, &kt, &kt.ClAf);
	if (Status != NDIS_STATUS_PENDING)
		ClOpenAfComplete(&kt, kt.ClAf, Status);
}

static VOID ClOpenAfComplete(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisAfHandle, NDIS_STATUS Status)
{
	static union {
		CO_SAP Sap;
		UCHAR Buffer[sizeof(CO_SAP) + 8];
	} S = { .Sap.SapLength = 6 };

	if (Status != NDIS_STATUS_SUCCESS) {
		kt.ready = Status;
		wake_up_all(&kt.wq);
		return;
	}
	kt.ClAf = NdisAfHandle;
	NdisMoveMemory(S.Buffer + offsetof(CO_SAP, Sap), "kt-sap", 6);
	Status = NdisClRegisterSap(NdisAfHandle, &kt, &S.Sap, &kt.ClSap);
	if (Status != NDIS_STATUS_PENDING)
		ClRegisterSapComplete(Status, &kt, &S.Sap, kt.ClSap);
}

static VOID ClRegisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext, PCO_SAP Sap,
				  NDIS_HANDLE NdisSapHandle)
{
	kt.ClSap = NdisSapHandle;
	kt.ready = Status;
	wake_up_all(&kt.wq);
}

static VOID ClCloseAfComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext)
{
}

static VOID ClDeregisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext)
{
	kt_wake(&kt.gone);
}

static NDIS_STATUS ClNotifyCloseAf(NDIS_HANDLE ProtocolAfContext)
{
	return NDIS_STATUS_SUCCESS;
}

/* a VC the call manager created for an incoming call */
static NDIS_STATUS ClCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle,
			      PNDIS_HANDLE ProtocolVcContext)
{
	return kt_vc_new(NdisVcHandle, &kt.cl_in_vc, ProtocolVcContext);
}

static NDIS_STATUS ClDeleteVc(NDIS_HANDLE ProtocolVcContext)
{
	return kt_vc_free(&kt.cl_in_vc, ProtocolVcContext);
}

static NDIS_STATUS ClIncomingCall(NDIS_HANDLE ProtocolSapContext, NDIS_HANDLE ProtocolVcContext,
				  PCO_CALL_PARAMETERS CallParameters)
{
	kt.cl_in_params = CallParameters;
	kt_wake(&kt.incoming);
	switch (kt.answer) {
	case KT_ACCEPT:
		return NDIS_STATUS_SUCCESS;
	case KT_REJECT:
		return NDIS_STATUS_NOT_ACCEPTED;
	default:
		return NDIS_STATUS_PENDING;	/* the test answers */
	}
}

static VOID ClCallConnected(NDIS_HANDLE ProtocolVcContext)
{
	kt_wake(&kt.connected);
}

static VOID ClIncomingCloseCall(NDIS_STATUS CloseStatus, NDIS_HANDLE ProtocolVcContext,
				PVOID CloseData, UINT Size)
{
	struct kt_vc *Vc = ProtocolVcContext;
	NDIS_STATUS Status = NdisClCloseCall(Vc->NdisVcHandle, NULL, NULL, 0);

	if (Status != NDIS_STATUS_PENDING)
		ClCloseCallComplete(Status, Vc, NULL);
}

static VOID ClMakeCallComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
			       NDIS_HANDLE NdisPartyHandle, PCO_CALL_PARAMETERS CallParameters)
{
	kt.make_status = Status;
	kt_wake(&kt.make_done);
}

static VOID ClCloseCallComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
				NDIS_HANDLE ProtocolPartyContext)
{
	kt_wake(&kt.close_done);
}

static VOID ClModifyCallQoSComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
				    PCO_CALL_PARAMETERS CallParameters)
{
}

static VOID ClIncomingCallQoSChange(NDIS_HANDLE ProtocolVcContext, PCO_CALL_PARAMETERS CallParameters)
{
}

static VOID ClAddPartyComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext,
			       NDIS_HANDLE NdisPartyHandle, PCO_CALL_PARAMETERS CallParameters)
{
}

static VOID ClDropPartyComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext)
{
}

static VOID ClIncomingDropParty(NDIS_STATUS DropStatus, NDIS_HANDLE ProtocolPartyContext,
				PVOID CloseData, UINT Size)
{
}

static NDIS_STATUS ClOidRequest(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
				NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

static VOID ClOidRequestComplete(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
				 NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest,
				 NDIS_STATUS Status)
{
}

static VOID ClCoStatus(NDIS_HANDLE ProtocolBindingContext, NDIS_HANDLE ProtocolVcContext,
		       PNDIS_STATUS_INDICATION StatusIndication)
{
}

/* received lists are the client's until it returns them: it holds them */
static VOID ClCoReceive(NDIS_HANDLE ProtocolBindingContext, NDIS_HANDLE ProtocolVcContext,
			PNET_BUFFER_LIST NetBufferLists, ULONG NumberOfNetBufferLists, ULONG ReceiveFlags)
{
	PNET_BUFFER_LIST Last = NetBufferLists;
	ULONG n = 1;

	while (NET_BUFFER_LIST_NEXT_NBL(Last)) {
		Last = NET_BUFFER_LIST_NEXT_NBL(Last);
		n++;
	}
	NdisDprAcquireSpinLock(&kt.lock);
	NET_BUFFER_LIST_NEXT_NBL(Last) = kt.held;
	kt.held = NetBufferLists;
	NdisDprReleaseSpinLock(&kt.lock);
	atomic_add(n, &kt.rx);
	wake_up_all(&kt.wq);
}

static VOID ClCoSendComplete(NDIS_HANDLE ProtocolVcContext, PNET_BUFFER_LIST NetBufferLists,
			     ULONG SendCompleteFlags)
{
	PNET_BUFFER_LIST Nbl;
	int i;

	for (Nbl = NetBufferLists; Nbl; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl)) {
		if (READ_ONCE(kt.in_send) == current)
			atomic_inc(&kt.tx_inside);
		NdisDprAcquireSpinLock(&kt.lock);
		i = atomic_read(&kt.tx_done);
		if (i < KT_LOG) {
			kt.sent[i].nbl = Nbl;
			kt.sent[i].status = NET_BUFFER_LIST_STATUS(Nbl);
		}
		atomic_inc(&kt.tx_done);
		NdisDprReleaseSpinLock(&kt.lock);
	}
	wake_up_all(&kt.wq);
}

static NDIS_STATUS ClSetOptions(NDIS_HANDLE NdisDriverHandle, NDIS_HANDLE DriverContext)
{
	NDIS_PROTOCOL_CO_CHARACTERISTICS Co;
	NDIS_CO_CLIENT_OPTIONAL_HANDLERS Cl;
	NDIS_STATUS Status;

	NdisZeroMemory(&Co, sizeof(Co));
	Co.Header.Type = NDIS_OBJECT_TYPE_CO_PROTOCOL_CHARACTERISTICS;
	Co.Header.Revision = NDIS_PROTOCOL_CO_CHARACTERISTICS_REVISION_1;
	Co.Header.Size = NDIS_SIZEOF_PROTOCOL_CO_CHARACTERISTICS_REVISION_1;
	Co.CoStatusHandlerEx = ClCoStatus;
	Co.CoAfRegisterNotifyHandler = ClCoAfRegisterNotify;
	Co.CoReceiveNetBufferListsHandler = ClCoReceive;
	Co.CoSendNetBufferListsCompleteHandler = ClCoSendComplete;
	Status = NdisSetOptionalHandlers(NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&Co);
	if (Status != NDIS_STATUS_SUCCESS)
		return Status;
	NdisZeroMemory(&Cl, sizeof(Cl));
	Cl.Header.Type = NDIS_OBJECT_TYPE_CO_CLIENT_OPTIONAL_HANDLERS;
	Cl.Header.Revision = NDIS_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1;
	Cl.Header.Size = NDIS_SIZEOF_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1;
	Cl.ClCreateVcHandler = ClCreateVc;
	Cl.ClDeleteVcHandler = ClDeleteVc;
	Cl.ClOidRequestHandler = ClOidRequest;
	Cl.ClOidRequestCompleteHandler = ClOidRequestComplete;
	Cl.ClOpenAfCompleteHandlerEx = ClOpenAfComplete;
	Cl.ClCloseAfCompleteHandler = ClCloseAfComplete;
	Cl.ClRegisterSapCompleteHandler = ClRegisterSapComplete;
	Cl.ClDeregisterSapCompleteHandler = ClDeregisterSapComplete;
	Cl.ClMakeCallCompleteHandler = ClMakeCallComplete;
	Cl.ClModifyCallQoSCompleteHandler = ClModifyCallQoSComplete;
	Cl.ClCloseCallCompleteHandler = ClCloseCallComplete;
	Cl.ClAddPartyCompleteHandler = ClAddPartyComplete;
	Cl.ClDropPartyCompleteHandler = ClDropPartyComplete;
	Cl.ClIncomingCallHandler = ClIncomingCall;
	Cl.ClIncomingCallQoSChangeHandler = ClIncomingCallQoSChange;
	Cl.ClIncomingCloseCallHandler = ClIncomingCloseCall;
	Cl.ClIncomingDropPartyHandler = ClIncomingDropParty;
	Cl.ClCallConnectedHandler = ClCallConnected;
	Cl.ClNotifyCloseAfHandler = ClNotifyCloseAf;
	return NdisSetOptionalHandlers(NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&Cl);
}

static NDIS_STATUS ClDriverEntry(void)
{
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS Chars;
	NDIS_STRING Name = NDIS_STRING_CONST("CondisKunitClient");

	NdisZeroMemory(&Chars, sizeof(Chars));
	Chars.Header.Type = NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS;
	Chars.Header.Revision = NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
	Chars.Header.Size = NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
	Chars.MajorNdisVersion = NDIS_PROTOCOL_MAJOR_VERSION;
	Chars.MinorNdisVersion = NDIS_PROTOCOL_MINOR_VERSION;
	Chars.Name = Name;
	Chars.SetOptionsHandler = ClSetOptions;
	Chars.BindAdapterHandlerEx = ClBindAdapter;
	Chars.UnbindAdapterHandlerEx = ClUnbindAdapter;
	Chars.OpenAdapterCompleteHandlerEx = ClOpenAdapterComplete;
	Chars.CloseAdapterCompleteHandlerEx = ClCloseAdapterComplete;
	return NdisRegisterProtocolDriver(NULL, &Chars, &kt.Protocol);
}

/* ---- the world ---------------------------------------------------------------------------------------- */

/* Both drivers registered, the client's SAP registered: 0, or an errno. */
int kt_world_up(void)
{
	memset(&kt, 0, sizeof(kt));
	init_waitqueue_head(&kt.wq);
	NdisAllocateSpinLock(&kt.lock);
	kt.ready = NDIS_STATUS_PENDING;
	if (McmDriverEntry() != NDIS_STATUS_SUCCESS)
		return -ENODEV;
	if (ClDriverEntry() != NDIS_STATUS_SUCCESS)
		goto no_client;
	kt.ClPool = kt_pool(kt.Protocol);
	if (!kt.ClPool)
		goto no_pool;
	if (condis_ndis_miniport_add(kt.MiniportDriver, &init_net, KT_ADAPTER))
		goto no_adapter;
	if (wait_event_timeout(kt.wq, READ_ONCE(kt.ready) != NDIS_STATUS_PENDING, 10 * HZ) &&
	    kt.ready == NDIS_STATUS_SUCCESS)
		return 0;
	kt_world_down();
	return -EIO;
no_adapter:
	NdisFreeNetBufferListPool(kt.ClPool);
no_pool:
	NdisDeregisterProtocolDriver(kt.Protocol);
no_client:
	NdisMDeregisterMiniportDriver(kt.MiniportDriver);
	return -ENODEV;
}

void kt_world_down(void)
{
	NdisDeregisterProtocolDriver(kt.Protocol);
	NdisMDeregisterMiniportDriver(kt.MiniportDriver);
	NdisFreeNetBufferListPool(kt.ClPool);
}
