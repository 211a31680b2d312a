/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndis_sample_client's binding: what client.c (the AF, SAP, call and
 * data) uses of client_bind.c (binding, unbinding, the log)
 */
#ifndef _NDIS_SAMPLE_CLIENT_H
#define _NDIS_SAMPLE_CLIENT_H

#include <net/condis_ndis.h>
#include "ndis_sample.h"

#define SAMPLE_FRAMES		6		/* sent by the caller, echoed by the callee */

typedef struct _SAMPLE_BINDING SAMPLE_BINDING, *PSAMPLE_BINDING;

typedef struct _SAMPLE_VC {
	PSAMPLE_BINDING Binding;
	NDIS_HANDLE NdisVcHandle;
	BOOLEAN Incoming;
} SAMPLE_VC, *PSAMPLE_VC;

struct _SAMPLE_BINDING {
	LIST_ENTRY Link;		/* SampleBindings */
	NDIS_HANDLE NdisBindingHandle;
	char Name[32];
	UCHAR Mac[NDIS_SAMPLE_MAC_LEN];	/* the adapter's, when it has one */
	BOOLEAN HasMac;
	BOOLEAN Refuses;		/* the sample miniport: a frame is refused */
	BOOLEAN AfOpening;
	ULONG AfType;			/* the family opened */
	BOOLEAN SapReady;		/* Ethernet: registered, no call yet */
	PSAMPLE_BINDING Peer;		/* Ethernet: the binding called */
	NDIS_HANDLE NdisAfHandle;
	NDIS_HANDLE NdisSapHandle;
	union {
		CO_SAP Sap;
		UCHAR SapBuffer[sizeof(CO_SAP) + sizeof(NDIS_SAMPLE_SAP)];
	};
	SAMPLE_VC Caller;
	SAMPLE_VC Callee;
	PCO_CALL_PARAMETERS CallParameters;
	NDIS_OID_REQUEST Oid;
	ULONG OidValue;
	LONG SendsOut;			/* caller's NET_BUFFER_LISTs not completed */
	LONG EchoesIn;			/* echoes the caller received */
	LONG Refused;			/* sends completed with NDIS_STATUS_INVALID_PACKET */
	LONG Received;			/* frames the callee received */
	LONG CallEnds;			/* ends of the call still to go */
	LONG Closing;			/* the caller's close is queued */
	LONG EndsUp;			/* ends of its call up: it sends at 2 */
	BOOLEAN Failed;
	BOOLEAN TearingDown;		/* the SAP and the AF going */
	NDIS_HANDLE UnbindContext;	/* an unbind that waits for them */
	NDIS_HANDLE WorkItem;		/* closes the call it made */
	NDIS_HANDLE AnswerWorkItem;	/* answers the call it is offered */
	NDIS_HANDLE UnbindWorkItem;	/* completes that unbind */
};

/* client_bind.c: the bindings, the log */
extern NDIS_HANDLE SampleProtocolHandle;
extern NDIS_SPIN_LOCK SampleLock;	/* SampleBindings, their SapReady and Peer */
extern LIST_ENTRY SampleBindings;

VOID SampleStep(PSAMPLE_BINDING B, const char *Step);
VOID SampleFailed(PSAMPLE_BINDING B, const char *Step, NDIS_STATUS Status);

PROTOCOL_BIND_ADAPTER_EX SampleBindAdapter;
PROTOCOL_UNBIND_ADAPTER_EX SampleUnbindAdapter;
PROTOCOL_OPEN_ADAPTER_COMPLETE_EX SampleOpenAdapterComplete;
PROTOCOL_CLOSE_ADAPTER_COMPLETE_EX SampleCloseAdapterComplete;
VOID SampleTornDown(PSAMPLE_BINDING B);

#endif /* _NDIS_SAMPLE_CLIENT_H */
