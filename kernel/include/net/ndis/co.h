/* SPDX-License-Identifier: GPL-2.0 */
/*
 * net/ndis/co.h - connection-oriented NDIS as the DDK defines it: the
 * structures (CO_ADDRESS_FAMILY, CO_SAP, CO_CALL_PARAMETERS with its call
 * manager and media parameters), the handler types of clients, call
 * managers and miniports with their characteristics, and the 65 NdisCl*,
 * NdisCm*, NdisMCm*, NdisCo* and NdisMCo* functions with the prototypes
 * of the DDK pages (MicrosoftDocs/windows-driver-docs-ddi,
 * wdk-ddi-src/content/ndis/; tests/ndis/ddk-reference.txt lists them).
 *
 * condis_ndis.ko implements them over condis (<net/condis.h>):
 * Documentation/condis/ndis-mapping.rst says what each becomes and the
 * few places where Linux makes condis differ.
 */
#ifndef _NET_NDIS_CO_H
#define _NET_NDIS_CO_H

#include <net/ndis/nbl.h>
#include <net/ndis/oid.h>
#include <net/ndis/types.h>

/* ---- address families and SAPs ----------------------------------------------------------------- */

typedef struct _CO_ADDRESS_FAMILY {
	ULONG AddressFamily;
	ULONG MajorVersion;
	ULONG MinorVersion;
} CO_ADDRESS_FAMILY, *PCO_ADDRESS_FAMILY;

#define CO_ADDRESS_FAMILY_Q2931		((ULONG)0x1)
#define CO_ADDRESS_FAMILY_PSCHED	((ULONG)0x2)
#define CO_ADDRESS_FAMILY_L2TP		((ULONG)0x3)
#define CO_ADDRESS_FAMILY_IRDA		((ULONG)0x4)
#define CO_ADDRESS_FAMILY_1394		((ULONG)0x5)
#define CO_ADDRESS_FAMILY_PPP		((ULONG)0x6)
#define CO_ADDRESS_FAMILY_INFINIBAND	((ULONG)0x7)
#define CO_ADDRESS_FAMILY_TAPI		((ULONG)0x800)
#define CO_ADDRESS_FAMILY_TAPI_PROXY	((ULONG)0x801)
#define CO_ADDRESS_FAMILY_PROXY		0x80000000

typedef struct _CO_SAP {
	ULONG SapType;
	ULONG SapLength;
	UCHAR Sap[1];
} CO_SAP, *PCO_SAP;

typedef struct _CO_ADDRESS {
	ULONG AddressSize;
	UCHAR Address[1];
} CO_ADDRESS, *PCO_ADDRESS;

typedef struct _CO_ADDRESS_LIST {
	ULONG NumberOfAddressesAvailable;
	ULONG NumberOfAddresses;
	CO_ADDRESS AddressList;
} CO_ADDRESS_LIST, *PCO_ADDRESS_LIST;

/* ---- call parameters ---------------------------------------------------------------------------- */

/* QoS (qos.h) */
typedef ULONG SERVICETYPE;

#define SERVICETYPE_NOTRAFFIC		0x00000000
#define SERVICETYPE_BESTEFFORT		0x00000001
#define SERVICETYPE_CONTROLLEDLOAD	0x00000002
#define SERVICETYPE_GUARANTEED		0x00000003
#define SERVICETYPE_NETWORK_UNAVAILABLE	0x00000004
#define SERVICETYPE_GENERAL_INFORMATION	0x00000005
#define SERVICETYPE_NOCHANGE		0x00000006
#define SERVICETYPE_NONCONFORMING	0x00000009
#define SERVICETYPE_NETWORK_CONTROL	0x0000000A
#define SERVICETYPE_QUALITATIVE		0x0000000D
#define QOS_NOT_SPECIFIED		0xFFFFFFFF

typedef struct _flowspec {
	ULONG TokenRate;
	ULONG TokenBucketSize;
	ULONG PeakBandwidth;
	ULONG Latency;
	ULONG DelayVariation;
	SERVICETYPE ServiceType;
	ULONG MaxSduSize;
	ULONG MinimumPolicedSize;
} FLOWSPEC, *PFLOWSPEC, *LPFLOWSPEC;

typedef struct _CO_SPECIFIC_PARAMETERS {
	ULONG ParamType;
	ULONG Length;
	UCHAR Parameters[1];
} CO_SPECIFIC_PARAMETERS, *PCO_SPECIFIC_PARAMETERS;

typedef struct _CO_CALL_MANAGER_PARAMETERS {
	FLOWSPEC Transmit;
	FLOWSPEC Receive;
	CO_SPECIFIC_PARAMETERS CallMgrSpecific;
} CO_CALL_MANAGER_PARAMETERS, *PCO_CALL_MANAGER_PARAMETERS;

typedef struct _CO_MEDIA_PARAMETERS {
	ULONG Flags;
	ULONG ReceivePriority;
	ULONG ReceiveSizeHint;
	CO_SPECIFIC_PARAMETERS MediaSpecific;	/* (POINTER_ALIGNMENT in the DDK) */
} CO_MEDIA_PARAMETERS, *PCO_MEDIA_PARAMETERS;

/* CO_MEDIA_PARAMETERS.Flags */
#define TRANSMIT_VC			0x00010000
#define RECEIVE_VC			0x00020000
#define INDICATE_ERRED_PACKETS		0x00040000
#define INDICATE_END_OF_TX		0x00080000
#define RESERVE_RESOURCES_VC		0x00100000
#define ROUND_DOWN_FLOW			0x00200000
#define ROUND_UP_FLOW			0x00400000

typedef struct _CO_CALL_PARAMETERS {
	ULONG Flags;
	PCO_CALL_MANAGER_PARAMETERS CallMgrParameters;
	PCO_MEDIA_PARAMETERS MediaParameters;
} CO_CALL_PARAMETERS, *PCO_CALL_PARAMETERS;

/* CO_CALL_PARAMETERS.Flags */
#define PERMANENT_VC			0x00000001
#define CALL_PARAMETERS_CHANGED		0x00000002
#define QUERY_CALL_PARAMETERS		0x00000004
#define BROADCAST_VC			0x00000008
#define MULTIPOINT_VC			0x00000010

/* ---- the protocol's CoNDIS handlers (clients and call managers) ---------------------------------- */

typedef NDIS_STATUS PROTOCOL_CO_CREATE_VC(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle,
					  PNDIS_HANDLE ProtocolVcContext);
typedef PROTOCOL_CO_CREATE_VC(*CO_CREATE_VC_HANDLER);
typedef NDIS_STATUS PROTOCOL_CO_DELETE_VC(NDIS_HANDLE ProtocolVcContext);
typedef PROTOCOL_CO_DELETE_VC(*CO_DELETE_VC_HANDLER);
typedef NDIS_STATUS PROTOCOL_CO_OID_REQUEST(NDIS_HANDLE ProtocolAfContext,
					    NDIS_HANDLE ProtocolVcContext,
					    NDIS_HANDLE ProtocolPartyContext,
					    PNDIS_OID_REQUEST OidRequest);
typedef PROTOCOL_CO_OID_REQUEST(*CO_OID_REQUEST_HANDLER);
typedef VOID PROTOCOL_CO_OID_REQUEST_COMPLETE(NDIS_HANDLE ProtocolAfContext,
					      NDIS_HANDLE ProtocolVcContext,
					      NDIS_HANDLE ProtocolPartyContext,
					      PNDIS_OID_REQUEST OidRequest, NDIS_STATUS Status);
typedef PROTOCOL_CO_OID_REQUEST_COMPLETE(*CO_OID_REQUEST_COMPLETE_HANDLER);
typedef VOID PROTOCOL_CO_AF_REGISTER_NOTIFY(NDIS_HANDLE ProtocolBindingContext,
					    PCO_ADDRESS_FAMILY AddressFamily);
typedef PROTOCOL_CO_AF_REGISTER_NOTIFY(*CO_AF_REGISTER_NOTIFY_HANDLER);
typedef VOID PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS(NDIS_HANDLE ProtocolBindingContext,
						  NDIS_HANDLE ProtocolVcContext,
						  PNET_BUFFER_LIST NetBufferLists,
						  ULONG NumberOfNetBufferLists,
						  ULONG ReceiveFlags);
typedef PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS(*CO_RECEIVE_NET_BUFFER_LISTS_HANDLER);
typedef VOID PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE(NDIS_HANDLE ProtocolVcContext,
							PNET_BUFFER_LIST NetBufferLists,
							ULONG SendCompleteFlags);
typedef PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE(*CO_SEND_NET_BUFFER_LISTS_COMPLETE_HANDLER);
typedef VOID PROTOCOL_CO_STATUS_EX(NDIS_HANDLE ProtocolBindingContext,
				   NDIS_HANDLE ProtocolVcContext,
				   PNDIS_STATUS_INDICATION StatusIndication);
typedef PROTOCOL_CO_STATUS_EX(*CO_STATUS_HANDLER_EX);

typedef struct _NDIS_PROTOCOL_CO_CHARACTERISTICS {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	CO_STATUS_HANDLER_EX CoStatusHandlerEx;
	CO_AF_REGISTER_NOTIFY_HANDLER CoAfRegisterNotifyHandler;
	CO_RECEIVE_NET_BUFFER_LISTS_HANDLER CoReceiveNetBufferListsHandler;
	CO_SEND_NET_BUFFER_LISTS_COMPLETE_HANDLER CoSendNetBufferListsCompleteHandler;
} NDIS_PROTOCOL_CO_CHARACTERISTICS, *PNDIS_PROTOCOL_CO_CHARACTERISTICS;

#define NDIS_PROTOCOL_CO_CHARACTERISTICS_REVISION_1	1
#define NDIS_SIZEOF_PROTOCOL_CO_CHARACTERISTICS_REVISION_1 \
	NDIS_SIZEOF_STRUCT(NDIS_PROTOCOL_CO_CHARACTERISTICS, CoSendNetBufferListsCompleteHandler)

/* ---- client handlers ------------------------------------------------------------------------------ */

typedef VOID PROTOCOL_CL_OPEN_AF_COMPLETE_EX(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisAfHandle,
					     NDIS_STATUS Status);
typedef PROTOCOL_CL_OPEN_AF_COMPLETE_EX(*CL_OPEN_AF_COMPLETE_HANDLER_EX);
typedef VOID PROTOCOL_CL_CLOSE_AF_COMPLETE(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext);
typedef PROTOCOL_CL_CLOSE_AF_COMPLETE(*CL_CLOSE_AF_COMPLETE_HANDLER);
typedef NDIS_STATUS PROTOCOL_CL_NOTIFY_CLOSE_AF(NDIS_HANDLE ProtocolAfContext);
typedef PROTOCOL_CL_NOTIFY_CLOSE_AF(*CL_NOTIFY_CLOSE_AF_HANDLER);
typedef VOID PROTOCOL_CL_REGISTER_SAP_COMPLETE(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext,
					       PCO_SAP Sap, NDIS_HANDLE NdisSapHandle);
typedef PROTOCOL_CL_REGISTER_SAP_COMPLETE(*CL_REG_SAP_COMPLETE_HANDLER);
typedef VOID PROTOCOL_CL_DEREGISTER_SAP_COMPLETE(NDIS_STATUS Status,
						 NDIS_HANDLE ProtocolSapContext);
typedef PROTOCOL_CL_DEREGISTER_SAP_COMPLETE(*CL_DEREG_SAP_COMPLETE_HANDLER);
typedef VOID PROTOCOL_CL_MAKE_CALL_COMPLETE(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
					    NDIS_HANDLE NdisPartyHandle,
					    PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CL_MAKE_CALL_COMPLETE(*CL_MAKE_CALL_COMPLETE_HANDLER);
typedef VOID PROTOCOL_CL_CLOSE_CALL_COMPLETE(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
					     NDIS_HANDLE ProtocolPartyContext);
typedef PROTOCOL_CL_CLOSE_CALL_COMPLETE(*CL_CLOSE_CALL_COMPLETE_HANDLER);
typedef VOID PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE(NDIS_STATUS Status,
						  NDIS_HANDLE ProtocolVcContext,
						  PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE(*CL_MODIFY_CALL_QOS_COMPLETE_HANDLER);
typedef VOID PROTOCOL_CL_ADD_PARTY_COMPLETE(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext,
					    NDIS_HANDLE NdisPartyHandle,
					    PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CL_ADD_PARTY_COMPLETE(*CL_ADD_PARTY_COMPLETE_HANDLER);
typedef VOID PROTOCOL_CL_DROP_PARTY_COMPLETE(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext);
typedef PROTOCOL_CL_DROP_PARTY_COMPLETE(*CL_DROP_PARTY_COMPLETE_HANDLER);
typedef NDIS_STATUS PROTOCOL_CL_INCOMING_CALL(NDIS_HANDLE ProtocolSapContext,
					      NDIS_HANDLE ProtocolVcContext,
					      PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CL_INCOMING_CALL(*CL_INCOMING_CALL_HANDLER);
typedef VOID PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE(NDIS_HANDLE ProtocolVcContext,
						  PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE(*CL_INCOMING_CALL_QOS_CHANGE_HANDLER);
typedef VOID PROTOCOL_CL_INCOMING_CLOSE_CALL(NDIS_STATUS CloseStatus,
					     NDIS_HANDLE ProtocolVcContext,
					     PVOID CloseData, UINT Size);
typedef PROTOCOL_CL_INCOMING_CLOSE_CALL(*CL_INCOMING_CLOSE_CALL_HANDLER);
typedef VOID PROTOCOL_CL_INCOMING_DROP_PARTY(NDIS_STATUS DropStatus,
					     NDIS_HANDLE ProtocolPartyContext,
					     PVOID CloseData, UINT Size);
typedef PROTOCOL_CL_INCOMING_DROP_PARTY(*CL_INCOMING_DROP_PARTY_HANDLER);
typedef VOID PROTOCOL_CL_CALL_CONNECTED(NDIS_HANDLE ProtocolVcContext);
typedef PROTOCOL_CL_CALL_CONNECTED(*CL_CALL_CONNECTED_HANDLER);

typedef struct _NDIS_CO_CLIENT_OPTIONAL_HANDLERS {
	NDIS_OBJECT_HEADER Header;
	ULONG Reserved;
	CO_CREATE_VC_HANDLER ClCreateVcHandler;
	CO_DELETE_VC_HANDLER ClDeleteVcHandler;
	CO_OID_REQUEST_HANDLER ClOidRequestHandler;
	CO_OID_REQUEST_COMPLETE_HANDLER ClOidRequestCompleteHandler;
	CL_OPEN_AF_COMPLETE_HANDLER_EX ClOpenAfCompleteHandlerEx;
	CL_CLOSE_AF_COMPLETE_HANDLER ClCloseAfCompleteHandler;
	CL_REG_SAP_COMPLETE_HANDLER ClRegisterSapCompleteHandler;
	CL_DEREG_SAP_COMPLETE_HANDLER ClDeregisterSapCompleteHandler;
	CL_MAKE_CALL_COMPLETE_HANDLER ClMakeCallCompleteHandler;
	CL_MODIFY_CALL_QOS_COMPLETE_HANDLER ClModifyCallQoSCompleteHandler;
	CL_CLOSE_CALL_COMPLETE_HANDLER ClCloseCallCompleteHandler;
	CL_ADD_PARTY_COMPLETE_HANDLER ClAddPartyCompleteHandler;
	CL_DROP_PARTY_COMPLETE_HANDLER ClDropPartyCompleteHandler;
	CL_INCOMING_CALL_HANDLER ClIncomingCallHandler;
	CL_INCOMING_CALL_QOS_CHANGE_HANDLER ClIncomingCallQoSChangeHandler;
	CL_INCOMING_CLOSE_CALL_HANDLER ClIncomingCloseCallHandler;
	CL_INCOMING_DROP_PARTY_HANDLER ClIncomingDropPartyHandler;
	CL_CALL_CONNECTED_HANDLER ClCallConnectedHandler;
	CL_NOTIFY_CLOSE_AF_HANDLER ClNotifyCloseAfHandler;
} NDIS_CO_CLIENT_OPTIONAL_HANDLERS, *PNDIS_CO_CLIENT_OPTIONAL_HANDLERS;

#define NDIS_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1	1
#define NDIS_SIZEOF_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1 \
	NDIS_SIZEOF_STRUCT(NDIS_CO_CLIENT_OPTIONAL_HANDLERS, ClNotifyCloseAfHandler)

/* ---- call manager handlers ------------------------------------------------------------------------ */

typedef NDIS_STATUS PROTOCOL_CM_OPEN_AF(NDIS_HANDLE CallMgrBindingContext,
					PCO_ADDRESS_FAMILY AddressFamily,
					NDIS_HANDLE NdisAfHandle, PNDIS_HANDLE CallMgrAfContext);
typedef PROTOCOL_CM_OPEN_AF(*CM_OPEN_AF_HANDLER);
typedef NDIS_STATUS PROTOCOL_CM_CLOSE_AF(NDIS_HANDLE CallMgrAfContext);
typedef PROTOCOL_CM_CLOSE_AF(*CM_CLOSE_AF_HANDLER);
typedef NDIS_STATUS PROTOCOL_CM_REG_SAP(NDIS_HANDLE CallMgrAfContext, PCO_SAP Sap,
					NDIS_HANDLE NdisSapHandle, PNDIS_HANDLE CallMgrSapContext);
typedef PROTOCOL_CM_REG_SAP(*CM_REG_SAP_HANDLER);
typedef NDIS_STATUS PROTOCOL_CM_DEREGISTER_SAP(NDIS_HANDLE CallMgrSapContext);
typedef PROTOCOL_CM_DEREGISTER_SAP(*CM_DEREG_SAP_HANDLER);
typedef NDIS_STATUS PROTOCOL_CM_MAKE_CALL(NDIS_HANDLE CallMgrVcContext,
					  PCO_CALL_PARAMETERS CallParameters,
					  NDIS_HANDLE NdisPartyHandle,
					  PNDIS_HANDLE CallMgrPartyContext);
typedef PROTOCOL_CM_MAKE_CALL(*CM_MAKE_CALL_HANDLER);
typedef NDIS_STATUS PROTOCOL_CM_CLOSE_CALL(NDIS_HANDLE CallMgrVcContext,
					   NDIS_HANDLE CallMgrPartyContext,
					   PVOID CloseData, UINT Size);
typedef PROTOCOL_CM_CLOSE_CALL(*CM_CLOSE_CALL_HANDLER);
typedef VOID PROTOCOL_CM_INCOMING_CALL_COMPLETE(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
						PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CM_INCOMING_CALL_COMPLETE(*CM_INCOMING_CALL_COMPLETE_HANDLER);
typedef NDIS_STATUS PROTOCOL_CM_ADD_PARTY(NDIS_HANDLE CallMgrVcContext,
					  PCO_CALL_PARAMETERS CallParameters,
					  NDIS_HANDLE NdisPartyHandle,
					  PNDIS_HANDLE CallMgrPartyContext);
typedef PROTOCOL_CM_ADD_PARTY(*CM_ADD_PARTY_HANDLER);
typedef NDIS_STATUS PROTOCOL_CM_DROP_PARTY(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData,
					   UINT Size);
typedef PROTOCOL_CM_DROP_PARTY(*CM_DROP_PARTY_HANDLER);
typedef VOID PROTOCOL_CM_ACTIVATE_VC_COMPLETE(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
					      PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CM_ACTIVATE_VC_COMPLETE(*CM_ACTIVATE_VC_COMPLETE_HANDLER);
typedef VOID PROTOCOL_CM_DEACTIVATE_VC_COMPLETE(NDIS_STATUS Status,
						NDIS_HANDLE CallMgrVcContext);
typedef PROTOCOL_CM_DEACTIVATE_VC_COMPLETE(*CM_DEACTIVATE_VC_COMPLETE_HANDLER);
typedef NDIS_STATUS PROTOCOL_CM_MODIFY_QOS_CALL(NDIS_HANDLE CallMgrVcContext,
						PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CM_MODIFY_QOS_CALL(*CM_MODIFY_CALL_QOS_HANDLER);
typedef VOID PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE(NDIS_HANDLE CallMgrAfContext,
						  NDIS_STATUS Status);
typedef PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE(*CM_NOTIFY_CLOSE_AF_COMPLETE_HANDLER);

typedef struct _NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS {
	NDIS_OBJECT_HEADER Header;
	ULONG Reserved;
	CO_CREATE_VC_HANDLER CmCreateVcHandler;
	CO_DELETE_VC_HANDLER CmDeleteVcHandler;
	CM_OPEN_AF_HANDLER CmOpenAfHandler;
	CM_CLOSE_AF_HANDLER CmCloseAfHandler;
	CM_REG_SAP_HANDLER CmRegisterSapHandler;
	CM_DEREG_SAP_HANDLER CmDeregisterSapHandler;
	CM_MAKE_CALL_HANDLER CmMakeCallHandler;
	CM_CLOSE_CALL_HANDLER CmCloseCallHandler;
	CM_INCOMING_CALL_COMPLETE_HANDLER CmIncomingCallCompleteHandler;
	CM_ADD_PARTY_HANDLER CmAddPartyHandler;
	CM_DROP_PARTY_HANDLER CmDropPartyHandler;
	CM_ACTIVATE_VC_COMPLETE_HANDLER CmActivateVcCompleteHandler;
	CM_DEACTIVATE_VC_COMPLETE_HANDLER CmDeactivateVcCompleteHandler;
	CM_MODIFY_CALL_QOS_HANDLER CmModifyCallQoSHandler;
	CO_OID_REQUEST_HANDLER CmOidRequestHandler;
	CO_OID_REQUEST_COMPLETE_HANDLER CmOidRequestCompleteHandler;
	CM_NOTIFY_CLOSE_AF_COMPLETE_HANDLER CmNotifyCloseAfCompleteHandler;
} NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS, *PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS;

#define NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1	1
#define NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1 \
	NDIS_SIZEOF_STRUCT(NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS, CmNotifyCloseAfCompleteHandler)

/* ---- miniport handlers ----------------------------------------------------------------------------- */

typedef NDIS_STATUS MINIPORT_CO_CREATE_VC(NDIS_HANDLE MiniportAdapterContext,
					  NDIS_HANDLE NdisVcHandle,
					  PNDIS_HANDLE MiniportVcContext);
typedef MINIPORT_CO_CREATE_VC(*W_CO_CREATE_VC_HANDLER);
typedef NDIS_STATUS MINIPORT_CO_DELETE_VC(NDIS_HANDLE MiniportVcContext);
typedef MINIPORT_CO_DELETE_VC(*W_CO_DELETE_VC_HANDLER);
typedef NDIS_STATUS MINIPORT_CO_ACTIVATE_VC(NDIS_HANDLE MiniportVcContext,
					    PCO_CALL_PARAMETERS CallParameters);
typedef MINIPORT_CO_ACTIVATE_VC(*W_CO_ACTIVATE_VC_HANDLER);
typedef NDIS_STATUS MINIPORT_CO_DEACTIVATE_VC(NDIS_HANDLE MiniportVcContext);
typedef MINIPORT_CO_DEACTIVATE_VC(*W_CO_DEACTIVATE_VC_HANDLER);
typedef VOID MINIPORT_CO_SEND_NET_BUFFER_LISTS(NDIS_HANDLE MiniportVcContext,
					       PNET_BUFFER_LIST NetBufferLists, ULONG SendFlags);
typedef MINIPORT_CO_SEND_NET_BUFFER_LISTS(*W_CO_SEND_NET_BUFFER_LISTS_HANDLER);
typedef NDIS_STATUS MINIPORT_CO_OID_REQUEST(NDIS_HANDLE MiniportAdapterContext,
					    NDIS_HANDLE MiniportVcContext,
					    PNDIS_OID_REQUEST NdisRequest);
typedef MINIPORT_CO_OID_REQUEST(*W_CO_OID_REQUEST_HANDLER);

typedef struct _NDIS_MINIPORT_CO_CHARACTERISTICS {
	NDIS_OBJECT_HEADER Header;
	ULONG Reserved;
	W_CO_CREATE_VC_HANDLER CoCreateVcHandler;
	W_CO_DELETE_VC_HANDLER CoDeleteVcHandler;
	W_CO_ACTIVATE_VC_HANDLER CoActivateVcHandler;
	W_CO_DEACTIVATE_VC_HANDLER CoDeactivateVcHandler;
	W_CO_SEND_NET_BUFFER_LISTS_HANDLER CoSendNetBufferListsHandler;
	W_CO_OID_REQUEST_HANDLER CoOidRequestHandler;
} NDIS_MINIPORT_CO_CHARACTERISTICS, *PNDIS_MINIPORT_CO_CHARACTERISTICS;

#define NDIS_MINIPORT_CO_CHARACTERISTICS_REVISION_1	1
#define NDIS_SIZEOF_MINIPORT_CO_CHARACTERISTICS_REVISION_1 \
	NDIS_SIZEOF_STRUCT(NDIS_MINIPORT_CO_CHARACTERISTICS, CoOidRequestHandler)

/* ---- client functions ------------------------------------------------------------------------------- */

NDIS_STATUS NdisClOpenAddressFamilyEx(NDIS_HANDLE NdisBindingHandle,
				      PCO_ADDRESS_FAMILY AddressFamily,
				      NDIS_HANDLE ClientAfContext, PNDIS_HANDLE NdisAfHandle);
NDIS_STATUS NdisClCloseAddressFamily(NDIS_HANDLE NdisAfHandle);
VOID NdisClNotifyCloseAddressFamilyComplete(NDIS_HANDLE NdisAfHandle, NDIS_STATUS Status);
NDIS_STATUS NdisClRegisterSap(NDIS_HANDLE NdisAfHandle, NDIS_HANDLE ProtocolSapContext,
			      PCO_SAP Sap, PNDIS_HANDLE NdisSapHandle);
NDIS_STATUS NdisClDeregisterSap(NDIS_HANDLE NdisSapHandle);
NDIS_STATUS NdisClMakeCall(NDIS_HANDLE NdisVcHandle, PCO_CALL_PARAMETERS CallParameters,
			   NDIS_HANDLE ProtocolPartyContext, PNDIS_HANDLE NdisPartyHandle);
NDIS_STATUS NdisClCloseCall(NDIS_HANDLE NdisVcHandle, NDIS_HANDLE NdisPartyHandle,
			    PVOID Buffer, UINT Size);
VOID NdisClIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
				PCO_CALL_PARAMETERS CallParameters);
NDIS_STATUS NdisClAddParty(NDIS_HANDLE NdisVcHandle, NDIS_HANDLE ProtocolPartyContext,
			   PCO_CALL_PARAMETERS CallParameters, PNDIS_HANDLE NdisPartyHandle);
NDIS_STATUS NdisClDropParty(NDIS_HANDLE NdisPartyHandle, PVOID Buffer, UINT Size);
NDIS_STATUS NdisClModifyCallQoS(NDIS_HANDLE NdisVcHandle, PCO_CALL_PARAMETERS CallParameters);
NDIS_STATUS NdisClGetProtocolVcContextFromTapiCallId(UNICODE_STRING TapiCallId,
						     PNDIS_HANDLE ProtocolVcContext);

/* ---- call manager functions -------------------------------------------------------------------------- */

NDIS_STATUS NdisCmRegisterAddressFamilyEx(NDIS_HANDLE NdisBindingHandle,
					  PCO_ADDRESS_FAMILY AddressFamily);
VOID NdisCmOpenAddressFamilyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisAfHandle,
				     NDIS_HANDLE CallMgrAfContext);
VOID NdisCmCloseAddressFamilyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisAfHandle);
NDIS_STATUS NdisCmNotifyCloseAddressFamily(NDIS_HANDLE NdisAfHandle);
VOID NdisCmRegisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE NdisSapHandle,
			       NDIS_HANDLE CallMgrSapContext);
VOID NdisCmDeregisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE NdisSapHandle);
VOID NdisCmMakeCallComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
			    NDIS_HANDLE NdisPartyHandle, NDIS_HANDLE CallMgrPartyContext,
			    PCO_CALL_PARAMETERS CallParameters);
VOID NdisCmCloseCallComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
			     NDIS_HANDLE NdisPartyHandle);
NDIS_STATUS NdisCmDispatchIncomingCall(NDIS_HANDLE NdisSapHandle, NDIS_HANDLE NdisVcHandle,
				       PCO_CALL_PARAMETERS CallParameters);
VOID NdisCmDispatchCallConnected(NDIS_HANDLE NdisVcHandle);
VOID NdisCmDispatchIncomingCloseCall(NDIS_STATUS CloseStatus, NDIS_HANDLE NdisVcHandle,
				     PVOID Buffer, UINT Size);
VOID NdisCmDispatchIncomingCallQoSChange(NDIS_HANDLE NdisVcHandle,
					 PCO_CALL_PARAMETERS CallParameters);
VOID NdisCmAddPartyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisPartyHandle,
			    NDIS_HANDLE CallMgrPartyContext, PCO_CALL_PARAMETERS CallParameters);
VOID NdisCmDropPartyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisPartyHandle);
VOID NdisCmDispatchIncomingDropParty(NDIS_STATUS DropStatus, NDIS_HANDLE NdisPartyHandle,
				     PVOID Buffer, UINT Size);
VOID NdisCmModifyCallQoSComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
				 PCO_CALL_PARAMETERS CallParameters);
NDIS_STATUS NdisCmActivateVc(NDIS_HANDLE NdisVcHandle, PCO_CALL_PARAMETERS CallParameters);
NDIS_STATUS NdisCmDeactivateVc(NDIS_HANDLE NdisVcHandle);

/* ---- integrated call managers: the NdisMCm twins (most are the same functions, as in the DDK) --- */

NDIS_STATUS NdisMCmRegisterAddressFamilyEx(NDIS_HANDLE MiniportAdapterHandle,
					   PCO_ADDRESS_FAMILY AddressFamily);
NDIS_STATUS NdisMCmCreateVc(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE NdisAfHandle,
			    NDIS_HANDLE MiniportVcContext, PNDIS_HANDLE NdisVcHandle);
NDIS_STATUS NdisMCmDeleteVc(NDIS_HANDLE NdisVcHandle);
NDIS_STATUS NdisMCmActivateVc(NDIS_HANDLE NdisVcHandle, PCO_CALL_PARAMETERS CallParameters);
NDIS_STATUS NdisMCmDeactivateVc(NDIS_HANDLE NdisVcHandle);
NDIS_STATUS NdisMCmOidRequest(NDIS_HANDLE NdisAfHandle, NDIS_HANDLE NdisVcHandle,
			      NDIS_HANDLE NdisPartyHandle, PNDIS_OID_REQUEST NdisOidRequest);

#define NdisMCmOpenAddressFamilyComplete(Status, NdisAfHandle, CallMgrAfContext) \
	NdisCmOpenAddressFamilyComplete(Status, NdisAfHandle, CallMgrAfContext)
#define NdisMCmCloseAddressFamilyComplete(Status, NdisAfHandle) \
	NdisCmCloseAddressFamilyComplete(Status, NdisAfHandle)
#define NdisMCmNotifyCloseAddressFamily(NdisAfHandle) \
	NdisCmNotifyCloseAddressFamily(NdisAfHandle)
#define NdisMCmRegisterSapComplete(Status, NdisSapHandle, CallMgrSapContext) \
	NdisCmRegisterSapComplete(Status, NdisSapHandle, CallMgrSapContext)
#define NdisMCmDeregisterSapComplete(Status, NdisSapHandle) \
	NdisCmDeregisterSapComplete(Status, NdisSapHandle)
#define NdisMCmMakeCallComplete(Status, NdisVcHandle, NdisPartyHandle, CallMgrPartyContext, \
				CallParameters) \
	NdisCmMakeCallComplete(Status, NdisVcHandle, NdisPartyHandle, CallMgrPartyContext, \
			       CallParameters)
#define NdisMCmCloseCallComplete(Status, NdisVcHandle, NdisPartyHandle) \
	NdisCmCloseCallComplete(Status, NdisVcHandle, NdisPartyHandle)
#define NdisMCmDispatchIncomingCall(NdisSapHandle, NdisVcHandle, CallParameters) \
	NdisCmDispatchIncomingCall(NdisSapHandle, NdisVcHandle, CallParameters)
#define NdisMCmDispatchCallConnected(NdisVcHandle) \
	NdisCmDispatchCallConnected(NdisVcHandle)
#define NdisMCmDispatchIncomingCloseCall(CloseStatus, NdisVcHandle, Buffer, Size) \
	NdisCmDispatchIncomingCloseCall(CloseStatus, NdisVcHandle, Buffer, Size)
#define NdisMCmDispatchIncomingCallQoSChange(NdisVcHandle, CallParameters) \
	NdisCmDispatchIncomingCallQoSChange(NdisVcHandle, CallParameters)
#define NdisMCmAddPartyComplete(Status, NdisPartyHandle, CallMgrPartyContext, CallParameters) \
	NdisCmAddPartyComplete(Status, NdisPartyHandle, CallMgrPartyContext, CallParameters)
#define NdisMCmDropPartyComplete(Status, NdisPartyHandle) \
	NdisCmDropPartyComplete(Status, NdisPartyHandle)
#define NdisMCmDispatchIncomingDropParty(DropStatus, NdisPartyHandle, Buffer, Size) \
	NdisCmDispatchIncomingDropParty(DropStatus, NdisPartyHandle, Buffer, Size)
#define NdisMCmModifyCallQoSComplete(Status, NdisVcHandle, CallParameters) \
	NdisCmModifyCallQoSComplete(Status, NdisVcHandle, CallParameters)
#define NdisMCmOidRequestComplete(NdisAfHandle, NdisVcHandle, NdisPartyHandle, OidRequest, \
				  Status) \
	NdisCoOidRequestComplete(NdisAfHandle, NdisVcHandle, NdisPartyHandle, OidRequest, Status)

/* ---- both protocols --------------------------------------------------------------------------------- */

NDIS_STATUS NdisCoCreateVc(NDIS_HANDLE NdisBindingHandle, NDIS_HANDLE NdisAfHandle,
			   NDIS_HANDLE ProtocolVcContext, PNDIS_HANDLE NdisVcHandle);
NDIS_STATUS NdisCoDeleteVc(NDIS_HANDLE NdisVcHandle);
VOID NdisCoSendNetBufferLists(NDIS_HANDLE NdisVcHandle, PNET_BUFFER_LIST NetBufferLists,
			      ULONG SendFlags);
NDIS_STATUS NdisCoOidRequest(NDIS_HANDLE NdisBindingHandle, NDIS_HANDLE NdisAfHandle,
			     NDIS_HANDLE NdisVcHandle, NDIS_HANDLE NdisPartyHandle,
			     PNDIS_OID_REQUEST OidRequest);
VOID NdisCoOidRequestComplete(NDIS_HANDLE NdisAfHandle, NDIS_HANDLE NdisVcHandle,
			      NDIS_HANDLE NdisPartyHandle, PNDIS_OID_REQUEST OidRequest,
			      NDIS_STATUS Status);
NDIS_STATUS NdisCoAssignInstanceName(NDIS_HANDLE NdisVcHandle, PNDIS_STRING BaseInstanceName,
				     PNDIS_STRING VcInstanceName);
NDIS_STATUS NdisCoGetTapiCallId(NDIS_HANDLE NdisVcHandle, PVAR_STRING TapiCallId);

/* ---- miniport functions ------------------------------------------------------------------------------- */

VOID NdisMCoActivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
			       PCO_CALL_PARAMETERS CallParameters);
VOID NdisMCoDeactivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle);
VOID NdisMCoIndicateReceiveNetBufferLists(NDIS_HANDLE NdisVcHandle,
					  PNET_BUFFER_LIST NetBufferLists,
					  ULONG NumberOfNetBufferLists, ULONG CoReceiveFlags);
VOID NdisMCoSendNetBufferListsComplete(NDIS_HANDLE NdisVcHandle,
				       PNET_BUFFER_LIST NetBufferLists, ULONG SendCompleteFlags);
VOID NdisMCoIndicateStatusEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE NdisVcHandle,
			     PNDIS_STATUS_INDICATION StatusIndication);
VOID NdisMCoOidRequestComplete(NDIS_HANDLE MiniportAdapterHandle,
			       NDIS_HANDLE NdisMiniportVcHandle, PNDIS_OID_REQUEST Request,
			       NDIS_STATUS Status);

#endif /* _NET_NDIS_CO_H */
