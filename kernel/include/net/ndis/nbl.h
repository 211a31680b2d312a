/* SPDX-License-Identifier: GPL-2.0 */
/*
 * net/ndis/nbl.h - NET_BUFFER_LIST, NET_BUFFER and MDL as the DDK models
 * them: chains of lists of buffers of memory descriptors, their pools, the
 * accessor macros and the routines that allocate, walk and return them.
 *
 * At condis's boundary a NET_BUFFER is one frame, an sk_buff. A frame
 * condis receives is indicated as a NET_BUFFER_LIST whose MDLs describe
 * the sk_buff's own memory (no copy); NdisReturnNetBufferLists frees the
 * sk_buff. A frame a driver sends or a miniport indicates is one
 * NET_BUFFER: its bytes become an sk_buff, without a copy when the
 * NET_BUFFER's data came from a pool with data
 * (NdisAllocateNetBufferMdlAndData, a NET_BUFFER_LIST pool with a
 * DataSize), with one copy otherwise.
 */
#ifndef _NET_NDIS_NBL_H
#define _NET_NDIS_NBL_H

#include <net/ndis/types.h>

/* ---- MDL ----------------------------------------------------------------------------------- */

typedef struct _MDL {
	struct _MDL *Next;
	SHORT Size;
	SHORT MdlFlags;
	PVOID Process;
	PVOID MappedSystemVa;
	PVOID StartVa;		/* the page the first byte is in */
	ULONG ByteCount;
	ULONG ByteOffset;	/* of the first byte in that page */
} MDL, *PMDL;

#define MDL_MAPPED_TO_SYSTEM_VA		0x0001
#define MDL_SOURCE_IS_NONPAGED_POOL	0x0004

#define MmGetMdlVirtualAddress(Mdl)	((PVOID)((PUCHAR)(Mdl)->StartVa + (Mdl)->ByteOffset))
#define MmGetMdlByteCount(Mdl)		((Mdl)->ByteCount)
#define MmGetMdlByteOffset(Mdl)		((Mdl)->ByteOffset)
#define MmGetSystemAddressForMdlSafe(Mdl, Priority)	((Mdl)->MappedSystemVa)
#define NDIS_MDL_LINKAGE(Mdl)		((Mdl)->Next)
#define NdisGetNextMdl(CurrentMdl, NextMdl)	(*(NextMdl) = (CurrentMdl)->Next)
#define NdisQueryMdl(Mdl, VirtualAddress, Length, Priority) \
	do { \
		*(PVOID *)(VirtualAddress) = (Mdl)->MappedSystemVa; \
		*(Length) = (Mdl)->ByteCount; \
	} while (0)
#define NdisQueryMdlOffset(Mdl, Offset, Length) \
	do { \
		*(Offset) = (Mdl)->ByteOffset; \
		*(Length) = (Mdl)->ByteCount; \
	} while (0)
#define NdisAdjustMdlLength(Mdl, Length)	((Mdl)->ByteCount = (Length))

PMDL NdisAllocateMdl(NDIS_HANDLE NdisHandle, PVOID VirtualAddress, UINT Length);
VOID NdisFreeMdl(PMDL Mdl);

/* ---- NET_BUFFER and NET_BUFFER_LIST ---------------------------------------------------------- */

typedef struct _NET_BUFFER NET_BUFFER, *PNET_BUFFER;
typedef struct _NET_BUFFER_LIST NET_BUFFER_LIST, *PNET_BUFFER_LIST;
typedef struct _NET_BUFFER_LIST_CONTEXT NET_BUFFER_LIST_CONTEXT, *PNET_BUFFER_LIST_CONTEXT;

typedef union _NET_BUFFER_DATA_LENGTH {
	ULONG DataLength;
	SIZE_T stDataLength;
} NET_BUFFER_DATA_LENGTH, *PNET_BUFFER_DATA_LENGTH;

typedef struct _NET_BUFFER_DATA {
	PNET_BUFFER Next;
	PMDL CurrentMdl;
	ULONG CurrentMdlOffset;
	NET_BUFFER_DATA_LENGTH NbDataLength;
	PMDL MdlChain;
	ULONG DataOffset;
} NET_BUFFER_DATA, *PNET_BUFFER_DATA;

typedef union _NET_BUFFER_HEADER {
	NET_BUFFER_DATA NetBufferData;
	SLIST_HEADER Link;
} NET_BUFFER_HEADER, *PNET_BUFFER_HEADER;

struct _NET_BUFFER {
	union {
		struct {
			PNET_BUFFER Next;
			PMDL CurrentMdl;
			ULONG CurrentMdlOffset;
			union {
				ULONG DataLength;
				SIZE_T stDataLength;
			};
			PMDL MdlChain;
			ULONG DataOffset;
		};
		SLIST_HEADER Link;
		NET_BUFFER_HEADER NetBufferHeader;
	};
	USHORT ChecksumBias;
	USHORT Reserved;
	NDIS_HANDLE NdisPoolHandle;
	PVOID NdisReserved[2];
	PVOID ProtocolReserved[6];
	PVOID MiniportReserved[4];
	NDIS_PHYSICAL_ADDRESS DataPhysicalAddress;
	PVOID SharedMemoryInfo;
};

typedef enum _NDIS_NET_BUFFER_LIST_INFO {
	TcpIpChecksumNetBufferListInfo,
	TcpOffloadBytesTransferred = TcpIpChecksumNetBufferListInfo,
	IPsecOffloadV1NetBufferListInfo,
	TcpLargeSendNetBufferListInfo,
	TcpReceiveNoPush = TcpLargeSendNetBufferListInfo,
	ClassificationHandleNetBufferListInfo,
	Ieee8021QNetBufferListInfo,
	NetBufferListCancelId,
	MediaSpecificInformation,
	NetBufferListFrameType,
	NetBufferListProtocolId = NetBufferListFrameType,
	NetBufferListHashValue,
	NetBufferListHashInfo,
	WfpNetBufferListInfo,
	MaxNetBufferListInfo
} NDIS_NET_BUFFER_LIST_INFO, *PNDIS_NET_BUFFER_LIST_INFO;

struct _NET_BUFFER_LIST_CONTEXT {
	PNET_BUFFER_LIST_CONTEXT Next;
	USHORT Size;
	USHORT Offset;
	UCHAR ContextData[] DECLSPEC_ALIGN(16);
};

typedef struct _NET_BUFFER_LIST_DATA {
	PNET_BUFFER_LIST Next;
	PNET_BUFFER FirstNetBuffer;
} NET_BUFFER_LIST_DATA, *PNET_BUFFER_LIST_DATA;

typedef union _NET_BUFFER_LIST_HEADER {
	NET_BUFFER_LIST_DATA NetBufferListData;
	SLIST_HEADER Link;
} NET_BUFFER_LIST_HEADER, *PNET_BUFFER_LIST_HEADER;

struct _NET_BUFFER_LIST {
	union {
		struct {
			PNET_BUFFER_LIST Next;
			PNET_BUFFER FirstNetBuffer;
		};
		SLIST_HEADER Link;
		NET_BUFFER_LIST_HEADER NetBufferListHeader;
	};
	PNET_BUFFER_LIST_CONTEXT Context;
	PNET_BUFFER_LIST ParentNetBufferList;
	NDIS_HANDLE NdisPoolHandle;
	PVOID NdisReserved[2];
	PVOID ProtocolReserved[4];
	PVOID MiniportReserved[2];
	PVOID Scratch;
	NDIS_HANDLE SourceHandle;
	ULONG NblFlags;
	LONG ChildRefCount;
	ULONG Flags;
	union {
		NDIS_STATUS Status;
		ULONG NdisReserved2;
	};
	PVOID NetBufferListInfo[MaxNetBufferListInfo];
};

/* accessors */
#define NET_BUFFER_NEXT_NB(Nb)			((Nb)->Next)
#define NET_BUFFER_FIRST_MDL(Nb)		((Nb)->MdlChain)
#define NET_BUFFER_DATA_LENGTH(Nb)		((Nb)->DataLength)
#define NET_BUFFER_DATA_OFFSET(Nb)		((Nb)->DataOffset)
#define NET_BUFFER_CURRENT_MDL(Nb)		((Nb)->CurrentMdl)
#define NET_BUFFER_CURRENT_MDL_OFFSET(Nb)	((Nb)->CurrentMdlOffset)
#define NET_BUFFER_CHECKSUM_BIAS(Nb)		((Nb)->ChecksumBias)
#define NET_BUFFER_PROTOCOL_RESERVED(Nb)	((Nb)->ProtocolReserved)
#define NET_BUFFER_MINIPORT_RESERVED(Nb)	((Nb)->MiniportReserved)
#define NET_BUFFER_DATA_PHYSICAL_ADDRESS(Nb)	((Nb)->DataPhysicalAddress)

#define NET_BUFFER_LIST_NEXT_NBL(Nbl)		((Nbl)->Next)
#define NET_BUFFER_LIST_FIRST_NB(Nbl)		((Nbl)->FirstNetBuffer)
#define NET_BUFFER_LIST_FLAGS(Nbl)		((Nbl)->Flags)
#define NET_BUFFER_LIST_NBL_FLAGS(Nbl)		((Nbl)->NblFlags)
#define NET_BUFFER_LIST_STATUS(Nbl)		((Nbl)->Status)
#define NET_BUFFER_LIST_PROTOCOL_RESERVED(Nbl)	((Nbl)->ProtocolReserved)
#define NET_BUFFER_LIST_MINIPORT_RESERVED(Nbl)	((Nbl)->MiniportReserved)
#define NET_BUFFER_LIST_CONTEXT_DATA_START(Nbl) \
	((PUCHAR)((Nbl)->Context->ContextData) + (Nbl)->Context->Offset)
#define NET_BUFFER_LIST_CONTEXT_DATA_SIZE(Nbl) \
	((USHORT)((Nbl)->Context->Size - (Nbl)->Context->Offset))
#define NET_BUFFER_LIST_INFO(Nbl, Id)		((Nbl)->NetBufferListInfo[(Id)])
#define NET_BUFFER_LIST_GET_HASH_VALUE(Nbl) \
	((ULONG)(ULONG_PTR)(Nbl)->NetBufferListInfo[NetBufferListHashValue])

#define NdisSetNblFlag(Nbl, F)			((Nbl)->NblFlags |= (F))
#define NdisClearNblFlag(Nbl, F)		((Nbl)->NblFlags &= ~(F))
#define NdisTestNblFlag(Nbl, F)			(((Nbl)->NblFlags & (F)) != 0)
#define NdisTestNblFlags(Nbl, F)		(((Nbl)->NblFlags & (F)) == (F))

/* NblFlags (the protocol's) */
#define NDIS_NBL_FLAGS_SEND_READ_ONLY		0x00000001
#define NDIS_NBL_FLAGS_RECV_READ_ONLY		0x00000002
#define NDIS_NBL_FLAGS_IS_IPV4			0x00000200
#define NDIS_NBL_FLAGS_IS_IPV6			0x00000400
#define NDIS_NBL_FLAGS_IS_TCP			0x00000800
#define NDIS_NBL_FLAGS_IS_UDP			0x00001000
#define NDIS_NBL_FLAGS_IS_LOOPBACK_PACKET	0x00008000

/* receive, return, send and send-complete flags */
#define NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL	0x00000001
#define NDIS_RECEIVE_FLAGS_RESOURCES		0x00000002
#define NDIS_RECEIVE_FLAGS_SINGLE_ETHER_TYPE	0x00000100
#define NDIS_RECEIVE_FLAGS_SINGLE_VLAN		0x00000200
#define NDIS_RECEIVE_FLAGS_PERFECT_FILTERED	0x00000400
#define NDIS_RECEIVE_FLAGS_SINGLE_QUEUE		0x00000800
#define NDIS_RECEIVE_FLAGS_SHARED_MEMORY_INFO_VALID 0x00001000
#define NDIS_RECEIVE_FLAGS_MORE_NBLS		0x00002000
#define NDIS_TEST_RECEIVE_FLAG(Flags, F)	(((Flags) & (F)) != 0)
#define NDIS_TEST_RECEIVE_AT_DISPATCH_LEVEL(Flags) \
	NDIS_TEST_RECEIVE_FLAG((Flags), NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL)
#define NDIS_TEST_RECEIVE_CANNOT_PEND(Flags) \
	NDIS_TEST_RECEIVE_FLAG((Flags), NDIS_RECEIVE_FLAGS_RESOURCES)

#define NDIS_RETURN_FLAGS_DISPATCH_LEVEL	0x00000001
#define NDIS_RETURN_FLAGS_SINGLE_QUEUE		0x00000002
#define NDIS_TEST_RETURN_AT_DISPATCH_LEVEL(Flags) \
	(((Flags) & NDIS_RETURN_FLAGS_DISPATCH_LEVEL) != 0)

#define NDIS_SEND_FLAGS_DISPATCH_LEVEL		0x00000001
#define NDIS_SEND_FLAGS_CHECK_FOR_LOOPBACK	0x00000002
#define NDIS_SEND_FLAGS_SINGLE_QUEUE		0x00000004
#define NDIS_TEST_SEND_AT_DISPATCH_LEVEL(Flags) (((Flags) & NDIS_SEND_FLAGS_DISPATCH_LEVEL) != 0)

#define NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL	0x00000001
#define NDIS_SEND_COMPLETE_FLAGS_SINGLE_QUEUE	0x00000002
#define NDIS_TEST_SEND_COMPLETE_AT_DISPATCH_LEVEL(Flags) \
	(((Flags) & NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL) != 0)

/* ---- pools --------------------------------------------------------------------------------------- */

#define NDIS_PROTOCOL_ID_DEFAULT		0x00
#define NDIS_PROTOCOL_ID_TCP_IP			0x02
#define NDIS_PROTOCOL_ID_IPX			0x06
#define NDIS_PROTOCOL_ID_NBF			0x07
#define NDIS_PROTOCOL_ID_MAX			0x0F
#define NDIS_PROTOCOL_ID_MASK			0x0F

typedef struct _NET_BUFFER_LIST_POOL_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	UCHAR ProtocolId;
	BOOLEAN fAllocateNetBuffer;
	USHORT ContextSize;
	ULONG PoolTag;
	ULONG DataSize;
} NET_BUFFER_LIST_POOL_PARAMETERS, *PNET_BUFFER_LIST_POOL_PARAMETERS;

#define NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1	1
#define NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1 \
	NDIS_SIZEOF_STRUCT(NET_BUFFER_LIST_POOL_PARAMETERS, DataSize)

typedef struct _NET_BUFFER_POOL_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	ULONG PoolTag;
	ULONG DataSize;
} NET_BUFFER_POOL_PARAMETERS, *PNET_BUFFER_POOL_PARAMETERS;

#define NET_BUFFER_POOL_PARAMETERS_REVISION_1		1
#define NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_1 \
	NDIS_SIZEOF_STRUCT(NET_BUFFER_POOL_PARAMETERS, DataSize)

/* the MDL handlers NdisAdvance/RetreatNetBufferDataStart may call */
typedef PMDL NET_BUFFER_ALLOCATE_MDL_HANDLER(PULONG BufferSize);
typedef NET_BUFFER_ALLOCATE_MDL_HANDLER(*NET_BUFFER_ALLOCATE_MDL);
typedef VOID NET_BUFFER_FREE_MDL_HANDLER(PMDL Mdl);
typedef NET_BUFFER_FREE_MDL_HANDLER(*NET_BUFFER_FREE_MDL);

NDIS_HANDLE NdisAllocateNetBufferListPool(NDIS_HANDLE NdisHandle,
					  PNET_BUFFER_LIST_POOL_PARAMETERS Parameters);
VOID NdisFreeNetBufferListPool(NDIS_HANDLE PoolHandle);
PNET_BUFFER_LIST NdisAllocateNetBufferList(NDIS_HANDLE PoolHandle, USHORT ContextSize,
					   USHORT ContextBackFill);
PNET_BUFFER_LIST NdisAllocateNetBufferAndNetBufferList(NDIS_HANDLE PoolHandle,
						       USHORT ContextSize,
						       USHORT ContextBackFill, PMDL MdlChain,
						       ULONG DataOffset, SIZE_T DataLength);
VOID NdisFreeNetBufferList(PNET_BUFFER_LIST NetBufferList);
NDIS_HANDLE NdisAllocateNetBufferPool(NDIS_HANDLE NdisHandle,
				      PNET_BUFFER_POOL_PARAMETERS Parameters);
VOID NdisFreeNetBufferPool(NDIS_HANDLE PoolHandle);
PNET_BUFFER NdisAllocateNetBuffer(NDIS_HANDLE PoolHandle, PMDL MdlChain, ULONG DataOffset,
				  SIZE_T DataLength);
PNET_BUFFER NdisAllocateNetBufferMdlAndData(NDIS_HANDLE PoolHandle);
VOID NdisFreeNetBuffer(PNET_BUFFER NetBuffer);
NDIS_HANDLE NdisGetPoolFromNetBufferList(PNET_BUFFER_LIST NetBufferList);
NDIS_HANDLE NdisGetPoolFromNetBuffer(PNET_BUFFER NetBuffer);
NDIS_STATUS NdisAllocateNetBufferListContext(PNET_BUFFER_LIST NetBufferList,
					     USHORT ContextSize, USHORT ContextBackFill,
					     ULONG PoolTag);
VOID NdisFreeNetBufferListContext(PNET_BUFFER_LIST NetBufferList, USHORT ContextSize);

/*
 * Clones: a NET_BUFFER_LIST describing another's data, without copying it
 * (its NET_BUFFERs from their data start); ParentNetBufferList is the
 * original, which must outlive it. With NDIS_CLONE_FLAGS_USE_ORIGINAL_MDLS
 * the clone's NET_BUFFERs share the original's MDL chains.
 */
#define NDIS_CLONE_FLAGS_RESERVED		0x00000001
#define NDIS_CLONE_FLAGS_USE_ORIGINAL_MDLS	0x00000002

PNET_BUFFER_LIST NdisAllocateCloneNetBufferList(PNET_BUFFER_LIST OriginalNetBufferList,
						NDIS_HANDLE NetBufferListPoolHandle,
						NDIS_HANDLE NetBufferPoolHandle,
						ULONG AllocateCloneFlags);
VOID NdisFreeCloneNetBufferList(PNET_BUFFER_LIST CloneNetBufferList, ULONG FreeCloneFlags);
/* every NET_BUFFER_LIST_INFO entry, the send or the receive path's */
VOID NdisCopySendNetBufferListInfo(PNET_BUFFER_LIST DestNetBufferList,
				   PNET_BUFFER_LIST SrcNetBufferList);
VOID NdisCopyReceiveNetBufferListInfo(PNET_BUFFER_LIST DestNetBufferList,
				      PNET_BUFFER_LIST SrcNetBufferList);

/* ---- data ------------------------------------------------------------------------------------------- */

PVOID NdisGetDataBuffer(PNET_BUFFER NetBuffer, ULONG BytesNeeded, PVOID Storage,
			UINT AlignMultiple, UINT AlignOffset);
VOID NdisAdvanceNetBufferDataStart(PNET_BUFFER NetBuffer, ULONG DataOffsetDelta,
				   BOOLEAN FreeMdl, NET_BUFFER_FREE_MDL_HANDLER *FreeMdlHandler);
NDIS_STATUS NdisRetreatNetBufferDataStart(PNET_BUFFER NetBuffer, ULONG DataOffsetDelta,
					  ULONG DataBackFill,
					  NET_BUFFER_ALLOCATE_MDL_HANDLER *AllocateMdlHandler);
VOID NdisAdvanceNetBufferListDataStart(PNET_BUFFER_LIST NetBufferList,
				       ULONG DataOffsetDelta, BOOLEAN FreeMdl,
				       NET_BUFFER_FREE_MDL_HANDLER *FreeMdlMdlHandler);
NDIS_STATUS NdisRetreatNetBufferListDataStart(PNET_BUFFER_LIST NetBufferList,
					      ULONG DataOffsetDelta, ULONG DataBackFill,
					      NET_BUFFER_ALLOCATE_MDL_HANDLER *AllocateMdlHandler,
					      NET_BUFFER_FREE_MDL_HANDLER *FreeMdlHandler);
NDIS_STATUS NdisCopyFromNetBufferToNetBuffer(PNET_BUFFER Destination, ULONG DestinationOffset,
					     ULONG BytesToCopy, PNET_BUFFER Source,
					     ULONG SourceOffset, PULONG BytesCopied);

/*
 * NdisReturnNetBufferLists: a protocol gives back what its
 * ProtocolCoReceiveNetBufferLists kept (received without
 * NDIS_RECEIVE_FLAGS_RESOURCES). NdisBindingHandle: its binding.
 */
VOID NdisReturnNetBufferLists(NDIS_HANDLE NdisBindingHandle, PNET_BUFFER_LIST NetBufferLists,
			      ULONG ReturnFlags);

#endif /* _NET_NDIS_NBL_H */
