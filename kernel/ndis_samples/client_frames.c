// SPDX-License-Identifier: GPL-2.0
/*
 * ndis_sample_client's frames: its NET_BUFFER_LIST and NET_BUFFER pools,
 * and the NET_BUFFER_LISTs it sends, of its own memory (an MDL per
 * buffer) or of pool data.
 */
#include <linux/module.h>
#include <net/condis_ndis.h>
#include "ndis_sample.h"
#include "client_frames.h"

#define SAMPLE_POOL_DATA	256

static NDIS_HANDLE SampleFramesHandle;	/* the driver's (its protocol handle) */
static NDIS_HANDLE SampleNblPool;	/* NET_BUFFER_LISTs with a NET_BUFFER, no data */
static NDIS_HANDLE SampleDataPool;	/* with SAMPLE_POOL_DATA bytes of data */
static NDIS_HANDLE SampleNbPool;	/* NET_BUFFERs */

/* A NET_BUFFER_LIST of @Count buffers, each holding @Text, of our memory. */
PNET_BUFFER_LIST SampleFrame(const char *Text, ULONG Count)
{
	ULONG Len = strlen(Text), i;
	PNET_BUFFER_LIST Nbl;
	PNET_BUFFER Nb, Last = NULL;
	PUCHAR Data;
	PMDL Mdl;

	Nbl = NdisAllocateNetBufferList(SampleNblPool, 0, 0);
	if (!Nbl)
		return NULL;
	NET_BUFFER_LIST_FIRST_NB(Nbl) = NULL;
	for (i = 0; i < Count; i++) {
		Data = NdisAllocateMemoryWithTagPriority(SampleFramesHandle, Len, SAMPLE_TAG,
							 NormalPoolPriority);
		Mdl = Data ? NdisAllocateMdl(SampleFramesHandle, Data, Len) : NULL;
		Nb = Mdl ? NdisAllocateNetBuffer(SampleNbPool, Mdl, 0, Len) : NULL;
		if (!Nb)
			return NULL;	/* (a sample: leaks on an allocation failure) */
		NdisMoveMemory(Data, Text, Len);
		if (Last)
			NET_BUFFER_NEXT_NB(Last) = Nb;
		else
			NET_BUFFER_LIST_FIRST_NB(Nbl) = Nb;
		Last = Nb;
	}
	return Nbl;
}

/* A NET_BUFFER_LIST of pool data holding @Len bytes of @Data. */
PNET_BUFFER_LIST SamplePoolFrame(const VOID *Data, ULONG Len)
{
	PNET_BUFFER_LIST Nbl = NdisAllocateNetBufferList(SampleDataPool, 0, 0);
	PNET_BUFFER Nb;
	PUCHAR Buf;
	ULONG Avail;

	if (!Nbl)
		return NULL;
	Nb = NET_BUFFER_LIST_FIRST_NB(Nbl);
	NdisQueryMdl(NET_BUFFER_CURRENT_MDL(Nb), &Buf, &Avail, NormalPoolPriority);
	Len = min(Len, Avail);
	NdisMoveMemory(Buf + NET_BUFFER_CURRENT_MDL_OFFSET(Nb), Data, Len);
	NET_BUFFER_DATA_LENGTH(Nb) = Len;
	return Nbl;
}

VOID SampleFreeFrame(PNET_BUFFER_LIST Nbl)
{
	PNET_BUFFER Nb, Next;
	PVOID Data;
	ULONG Len;

	if (NdisGetPoolFromNetBufferList(Nbl) == SampleNblPool) {
		for (Nb = NET_BUFFER_LIST_FIRST_NB(Nbl); Nb; Nb = Next) {
			Next = NET_BUFFER_NEXT_NB(Nb);
			NdisQueryMdl(NET_BUFFER_FIRST_MDL(Nb), &Data, &Len, NormalPoolPriority);
			NdisFreeMdl(NET_BUFFER_FIRST_MDL(Nb));
			NdisFreeMemoryWithTagPriority(SampleFramesHandle, Data, SAMPLE_TAG);
			NdisFreeNetBuffer(Nb);
		}
		NET_BUFFER_LIST_FIRST_NB(Nbl) = NULL;
	}
	NdisFreeNetBufferList(Nbl);
}

NDIS_STATUS SampleFramesInit(NDIS_HANDLE NdisHandle)
{
	NET_BUFFER_LIST_POOL_PARAMETERS P;
	NET_BUFFER_POOL_PARAMETERS Nb;

	SampleFramesHandle = NdisHandle;
	NdisZeroMemory(&P, sizeof(P));
	P.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
	P.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
	P.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
	P.ProtocolId = NDIS_PROTOCOL_ID_DEFAULT;
	P.fAllocateNetBuffer = TRUE;
	P.PoolTag = SAMPLE_TAG;
	SampleNblPool = NdisAllocateNetBufferListPool(SampleFramesHandle, &P);
	P.DataSize = SAMPLE_POOL_DATA;
	SampleDataPool = NdisAllocateNetBufferListPool(SampleFramesHandle, &P);
	NdisZeroMemory(&Nb, sizeof(Nb));
	Nb.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
	Nb.Header.Revision = NET_BUFFER_POOL_PARAMETERS_REVISION_1;
	Nb.Header.Size = NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_1;
	Nb.PoolTag = SAMPLE_TAG;
	SampleNbPool = NdisAllocateNetBufferPool(SampleFramesHandle, &Nb);
	if (SampleNblPool && SampleDataPool && SampleNbPool)
		return NDIS_STATUS_SUCCESS;
	SampleFramesFree();
	return NDIS_STATUS_RESOURCES;
}

VOID SampleFramesFree(void)
{
	if (SampleNbPool)
		NdisFreeNetBufferPool(SampleNbPool);
	if (SampleDataPool)
		NdisFreeNetBufferListPool(SampleDataPool);
	if (SampleNblPool)
		NdisFreeNetBufferListPool(SampleNblPool);
	SampleNbPool = SampleDataPool = SampleNblPool = NULL;
}
