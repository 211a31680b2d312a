// SPDX-License-Identifier: GPL-2.0
/*
 * NET_BUFFER_LIST, NET_BUFFER and MDL: pools, allocation, the data
 * routines (NdisGetDataBuffer, advance and retreat, copies).
 *
 * A NET_BUFFER_LIST from a pool is one allocation with its first
 * NET_BUFFER (when the pool allocates them) and that buffer's MDL. Data a
 * pool allocates (a DataSize) lives in an sk_buff, so that sending it
 * costs no copy (frames.c sends a clone); NdisReserved[1] of the
 * NET_BUFFER is that sk_buff.
 */
#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include "lib.h"
#include "nbl.h"


enum { NDIS_POOL_NBL = 1, NDIS_POOL_NB };

struct ndis_pool {
	u8 kind;
	bool alloc_nb;
	u16 context_size;
	u32 data_size;
};

/* a NET_BUFFER_LIST with what a pool allocates with it */
struct ndis_nbl_block {
	NET_BUFFER_LIST nbl;
	NET_BUFFER nb;
	MDL mdl;
};

/* a NET_BUFFER of a NET_BUFFER pool */
struct ndis_nb_block {
	NET_BUFFER nb;
	MDL mdl;
};

/* ---- MDLs ------------------------------------------------------------------------------------- */

static void ndis_mdl_init(PMDL mdl, PVOID va, ULONG len)
{
	memset(mdl, 0, sizeof(*mdl));
	mdl->Size = sizeof(*mdl);
	mdl->MdlFlags = MDL_MAPPED_TO_SYSTEM_VA | MDL_SOURCE_IS_NONPAGED_POOL;
	mdl->MappedSystemVa = va;
	mdl->StartVa = (PVOID)((unsigned long)va & PAGE_MASK);
	mdl->ByteOffset = offset_in_page(va);
	mdl->ByteCount = len;
}

PMDL NdisAllocateMdl(NDIS_HANDLE NdisHandle, PVOID VirtualAddress, UINT Length)
{
	PMDL mdl = kmalloc(sizeof(*mdl), NDIS_GFP);

	if (mdl)
		ndis_mdl_init(mdl, VirtualAddress, Length);
	return mdl;
}
EXPORT_SYMBOL_GPL(NdisAllocateMdl);

VOID NdisFreeMdl(PMDL Mdl)
{
	kfree(Mdl);
}
EXPORT_SYMBOL_GPL(NdisFreeMdl);

/* ---- NET_BUFFERs ------------------------------------------------------------------------------ */

/* CurrentMdl and CurrentMdlOffset from MdlChain and DataOffset */
static void ndis_nb_locate(PNET_BUFFER nb)
{
	ULONG off = nb->DataOffset;
	PMDL m = nb->MdlChain;

	while (m && off >= m->ByteCount && m->Next) {
		off -= m->ByteCount;
		m = m->Next;
	}
	nb->CurrentMdl = m;
	nb->CurrentMdlOffset = off;
}

void ndis_nb_init(PNET_BUFFER nb, NDIS_HANDLE pool, PMDL chain, ULONG offset, SIZE_T length)
{
	memset(nb, 0, sizeof(*nb));
	nb->NdisPoolHandle = pool;
	nb->MdlChain = chain;
	nb->DataOffset = offset;
	nb->DataLength = length;
	ndis_nb_locate(nb);
}

/* pool data, in an sk_buff: the MDL describes it */
static int ndis_nb_data(PNET_BUFFER nb, PMDL mdl, u32 size)
{
	struct sk_buff *skb = alloc_skb(size, NDIS_GFP);

	if (!skb)
		return -ENOMEM;
	skb_put(skb, size);
	ndis_mdl_init(mdl, skb->data, size);
	nb->MdlChain = mdl;
	nb->DataLength = size;
	ndis_nb_locate(nb);
	nb->NdisReserved[1] = skb;
	return 0;
}

/* Bytes [@off, @off + @len) of @nb's data, copied out to @dst. */
ULONG ndis_nb_copy_out(PNET_BUFFER nb, ULONG off, ULONG len, void *dst)
{
	PMDL m = nb->CurrentMdl;
	ULONG moff = nb->CurrentMdlOffset, done = 0;

	if (off > nb->DataLength)
		return 0;
	len = min_t(ULONG, len, nb->DataLength - off);
	off += moff;
	for (; m && done < len; m = m->Next, off = 0) {
		ULONG n;

		if (off >= m->ByteCount) {
			off -= m->ByteCount;
			continue;
		}
		n = min_t(ULONG, m->ByteCount - off, len - done);
		memcpy((u8 *)dst + done, (u8 *)m->MappedSystemVa + off, n);
		done += n;
	}
	return done;
}

/* @src into bytes [@off, @off + @len) of @nb's data. */
static ULONG ndis_nb_copy_in(PNET_BUFFER nb, ULONG off, ULONG len, const void *src)
{
	PMDL m = nb->CurrentMdl;
	ULONG done = 0;

	if (off > nb->DataLength)
		return 0;
	len = min_t(ULONG, len, nb->DataLength - off);
	off += nb->CurrentMdlOffset;
	for (; m && done < len; m = m->Next, off = 0) {
		ULONG n;

		if (off >= m->ByteCount) {
			off -= m->ByteCount;
			continue;
		}
		n = min_t(ULONG, m->ByteCount - off, len - done);
		memcpy((u8 *)m->MappedSystemVa + off, (const u8 *)src + done, n);
		done += n;
	}
	return done;
}

/* ---- pools --------------------------------------------------------------------------------------- */

NDIS_HANDLE NdisAllocateNetBufferListPool(NDIS_HANDLE NdisHandle,
					  PNET_BUFFER_LIST_POOL_PARAMETERS Parameters)
{
	struct ndis_pool *p;

	if (!Parameters || Parameters->Header.Type != NDIS_OBJECT_TYPE_DEFAULT)
		return NULL;
	p = kzalloc(sizeof(*p), NDIS_GFP);
	if (!p)
		return NULL;
	p->kind = NDIS_POOL_NBL;
	p->alloc_nb = Parameters->fAllocateNetBuffer;
	p->context_size = Parameters->ContextSize;
	p->data_size = Parameters->fAllocateNetBuffer ? Parameters->DataSize : 0;
	return p;
}
EXPORT_SYMBOL_GPL(NdisAllocateNetBufferListPool);

VOID NdisFreeNetBufferListPool(NDIS_HANDLE PoolHandle)
{
	kfree(PoolHandle);
}
EXPORT_SYMBOL_GPL(NdisFreeNetBufferListPool);

NDIS_HANDLE NdisAllocateNetBufferPool(NDIS_HANDLE NdisHandle,
				      PNET_BUFFER_POOL_PARAMETERS Parameters)
{
	struct ndis_pool *p;

	if (!Parameters || Parameters->Header.Type != NDIS_OBJECT_TYPE_DEFAULT)
		return NULL;
	p = kzalloc(sizeof(*p), NDIS_GFP);
	if (!p)
		return NULL;
	p->kind = NDIS_POOL_NB;
	p->data_size = Parameters->DataSize;
	return p;
}
EXPORT_SYMBOL_GPL(NdisAllocateNetBufferPool);

VOID NdisFreeNetBufferPool(NDIS_HANDLE PoolHandle)
{
	kfree(PoolHandle);
}
EXPORT_SYMBOL_GPL(NdisFreeNetBufferPool);

NDIS_HANDLE NdisGetPoolFromNetBufferList(PNET_BUFFER_LIST NetBufferList)
{
	return NetBufferList->NdisPoolHandle;
}
EXPORT_SYMBOL_GPL(NdisGetPoolFromNetBufferList);

NDIS_HANDLE NdisGetPoolFromNetBuffer(PNET_BUFFER NetBuffer)
{
	return NetBuffer->NdisPoolHandle;
}
EXPORT_SYMBOL_GPL(NdisGetPoolFromNetBuffer);

/* ---- contexts ------------------------------------------------------------------------------------ */

NDIS_STATUS NdisAllocateNetBufferListContext(PNET_BUFFER_LIST NetBufferList,
					     USHORT ContextSize, USHORT ContextBackFill,
					     ULONG PoolTag)
{
	PNET_BUFFER_LIST_CONTEXT c = NetBufferList->Context;

	if (c && c->Offset >= ContextSize) {
		c->Offset -= ContextSize;
		return NDIS_STATUS_SUCCESS;
	}
	c = kzalloc(sizeof(*c) + ContextSize + ContextBackFill, NDIS_GFP);
	if (!c)
		return NDIS_STATUS_RESOURCES;
	c->Size = ContextSize + ContextBackFill;
	c->Offset = ContextBackFill;
	c->Next = NetBufferList->Context;
	NetBufferList->Context = c;
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(NdisAllocateNetBufferListContext);

VOID NdisFreeNetBufferListContext(PNET_BUFFER_LIST NetBufferList, USHORT ContextSize)
{
	PNET_BUFFER_LIST_CONTEXT c = NetBufferList->Context;

	if (!c)
		return;
	c->Offset += ContextSize;
	if (c->Offset >= c->Size) {
		NetBufferList->Context = c->Next;
		kfree(c);
	}
}
EXPORT_SYMBOL_GPL(NdisFreeNetBufferListContext);

/* ---- NET_BUFFER_LISTs ------------------------------------------------------------------------------ */

PNET_BUFFER_LIST NdisAllocateNetBufferList(NDIS_HANDLE PoolHandle, USHORT ContextSize,
					   USHORT ContextBackFill)
{
	struct ndis_pool *p = PoolHandle;
	struct ndis_nbl_block *b;
	USHORT ctx = ContextSize ?: p->context_size;

	if (!p || p->kind != NDIS_POOL_NBL)
		return NULL;
	b = kzalloc(sizeof(*b), NDIS_GFP);
	if (!b)
		return NULL;
	b->nbl.NdisPoolHandle = p;
	if ((ctx || ContextBackFill) &&
	    NdisAllocateNetBufferListContext(&b->nbl, ctx, ContextBackFill, 0)) {
		kfree(b);
		return NULL;
	}
	if (p->alloc_nb) {
		ndis_nb_init(&b->nb, p, NULL, 0, 0);
		if (p->data_size && ndis_nb_data(&b->nb, &b->mdl, p->data_size)) {
			NdisFreeNetBufferList(&b->nbl);
			return NULL;
		}
		b->nbl.FirstNetBuffer = &b->nb;
	}
	return &b->nbl;
}
EXPORT_SYMBOL_GPL(NdisAllocateNetBufferList);

PNET_BUFFER_LIST NdisAllocateNetBufferAndNetBufferList(NDIS_HANDLE PoolHandle,
						       USHORT ContextSize,
						       USHORT ContextBackFill, PMDL MdlChain,
						       ULONG DataOffset, SIZE_T DataLength)
{
	struct ndis_pool *p = PoolHandle;
	struct ndis_nbl_block *b;
	PNET_BUFFER_LIST nbl;

	if (!p || p->kind != NDIS_POOL_NBL || !p->alloc_nb || p->data_size)
		return NULL;
	nbl = NdisAllocateNetBufferList(PoolHandle, ContextSize, ContextBackFill);
	if (!nbl)
		return NULL;
	b = container_of(nbl, struct ndis_nbl_block, nbl);
	ndis_nb_init(&b->nb, p, MdlChain, DataOffset, DataLength);
	return nbl;
}
EXPORT_SYMBOL_GPL(NdisAllocateNetBufferAndNetBufferList);

/**
 * ndis_nb_unshare - a buffer's pool data, lent as an sk_buff clone, made
 *	the buffer's own again
 * @nb: the buffer, going back to its owner (a miniport's receive)
 *
 * While a clone frames.c made of the pool data lives, the owner's writes
 * would reach the frame: the buffer gets a copy in a new sk_buff instead,
 * its MDL pointed at it, and the clone keeps the old data. Context: any.
 * Return: 0, or -ENOMEM (the data stays shared).
 */
int ndis_nb_unshare(PNET_BUFFER nb)
{
	struct sk_buff *skb = nb->NdisReserved[1], *fresh;
	u8 *va;
	PMDL m;

	if (!skb || !skb_cloned(skb))
		return 0;
	fresh = skb_copy(skb, NDIS_GFP);
	if (!fresh)
		return -ENOMEM;
	for (m = nb->MdlChain; m; m = m->Next) {
		va = m->MappedSystemVa;
		if (va >= skb->data && va < skb_tail_pointer(skb)) {
			va = fresh->data + (va - skb->data);
			m->MappedSystemVa = va;
			m->StartVa = (PVOID)((unsigned long)va & PAGE_MASK);
			m->ByteOffset = offset_in_page(va);
		}
	}
	nb->NdisReserved[1] = fresh;
	consume_skb(skb);
	return 0;
}

static void ndis_nb_release(PNET_BUFFER nb)
{
	kfree_skb(nb->NdisReserved[1]);		/* pool data */
	nb->NdisReserved[1] = NULL;
}

VOID NdisFreeNetBufferList(PNET_BUFFER_LIST NetBufferList)
{
	struct ndis_nbl_block *b = container_of(NetBufferList, struct ndis_nbl_block, nbl);

	if (!NetBufferList)
		return;
	while (NetBufferList->Context)
		NdisFreeNetBufferListContext(NetBufferList, NetBufferList->Context->Size);
	ndis_nb_release(&b->nb);
	kfree(b);
}
EXPORT_SYMBOL_GPL(NdisFreeNetBufferList);

/* ---- clones ------------------------------------------------------------------------------------ */

/* a clone: its NET_BUFFERs and the MDLs it made, in one allocation */
struct ndis_clone {
	NET_BUFFER_LIST nbl;
	unsigned int nbs, mdls;
	u8 room[] __aligned(16);	/* NET_BUFFER[nbs], then MDL[mdls] */
};

/* the MDLs a clone of @nb needs: its chain from the current MDL */
static unsigned int ndis_clone_mdls(PNET_BUFFER nb)
{
	unsigned int n = 0;
	PMDL m;

	for (m = nb->CurrentMdl; m; m = m->Next)
		n++;
	return n;
}

/* @mdl: room for ndis_clone_mdls(@from); @nb describes @from's data */
static void ndis_clone_nb(PNET_BUFFER nb, PNET_BUFFER from, NDIS_HANDLE pool, PMDL mdl,
			  bool share)
{
	PMDL m, prev = NULL, chain = NULL;

	if (share) {
		ndis_nb_init(nb, pool, from->MdlChain, from->DataOffset, from->DataLength);
		return;
	}
	for (m = from->CurrentMdl; m; m = m->Next, mdl++) {
		*mdl = *m;
		mdl->Next = NULL;
		if (!prev) {		/* the first from the data start */
			ndis_mdl_init(mdl, (u8 *)m->MappedSystemVa + from->CurrentMdlOffset,
				      m->ByteCount - from->CurrentMdlOffset);
			chain = mdl;
		} else {
			prev->Next = mdl;
		}
		prev = mdl;
	}
	ndis_nb_init(nb, pool, chain, 0, from->DataLength);
}

/**
 * NdisAllocateCloneNetBufferList - a NET_BUFFER_LIST on another's data
 * @OriginalNetBufferList: whose NET_BUFFERs it describes, not copied
 * @NetBufferListPoolHandle: the clone's pool (may be NULL)
 * @NetBufferPoolHandle: its NET_BUFFERs' (may be NULL)
 * @AllocateCloneFlags: NDIS_CLONE_FLAGS_USE_ORIGINAL_MDLS or 0
 *
 * Context: any.
 * Return: the clone, freed with NdisFreeCloneNetBufferList, or NULL.
 */
PNET_BUFFER_LIST NdisAllocateCloneNetBufferList(PNET_BUFFER_LIST OriginalNetBufferList,
						NDIS_HANDLE NetBufferListPoolHandle,
						NDIS_HANDLE NetBufferPoolHandle,
						ULONG AllocateCloneFlags)
{
	bool share = AllocateCloneFlags & NDIS_CLONE_FLAGS_USE_ORIGINAL_MDLS;
	unsigned int nbs = 0, mdls = 0, i = 0;
	PNET_BUFFER from, nb, *link;
	struct ndis_clone *c;
	PMDL mdl;

	for (from = OriginalNetBufferList->FirstNetBuffer; from; from = from->Next, nbs++)
		mdls += share ? 0 : ndis_clone_mdls(from);
	c = kzalloc(struct_size(c, room, nbs * sizeof(NET_BUFFER) + mdls * sizeof(MDL)),
		    NDIS_GFP);
	if (!c)
		return NULL;
	c->nbs = nbs;
	c->mdls = mdls;
	c->nbl.NdisPoolHandle = NetBufferListPoolHandle;
	c->nbl.ParentNetBufferList = OriginalNetBufferList;
	c->nbl.SourceHandle = OriginalNetBufferList->SourceHandle;
	nb = (PNET_BUFFER)c->room;
	mdl = (PMDL)(nb + nbs);
	link = &c->nbl.FirstNetBuffer;
	for (from = OriginalNetBufferList->FirstNetBuffer; from; from = from->Next, i++) {
		ndis_clone_nb(&nb[i], from, NetBufferPoolHandle, mdl, share);
		mdl += share ? 0 : ndis_clone_mdls(from);
		*link = &nb[i];
		link = &nb[i].Next;
	}
	return &c->nbl;
}
EXPORT_SYMBOL_GPL(NdisAllocateCloneNetBufferList);

VOID NdisFreeCloneNetBufferList(PNET_BUFFER_LIST CloneNetBufferList, ULONG FreeCloneFlags)
{
	if (!CloneNetBufferList)
		return;
	while (CloneNetBufferList->Context)
		NdisFreeNetBufferListContext(CloneNetBufferList, CloneNetBufferList->Context->Size);
	kfree(container_of(CloneNetBufferList, struct ndis_clone, nbl));
}
EXPORT_SYMBOL_GPL(NdisFreeCloneNetBufferList);

VOID NdisCopySendNetBufferListInfo(PNET_BUFFER_LIST DestNetBufferList,
				   PNET_BUFFER_LIST SrcNetBufferList)
{
	memcpy(DestNetBufferList->NetBufferListInfo, SrcNetBufferList->NetBufferListInfo,
	       sizeof(DestNetBufferList->NetBufferListInfo));
}
EXPORT_SYMBOL_GPL(NdisCopySendNetBufferListInfo);

VOID NdisCopyReceiveNetBufferListInfo(PNET_BUFFER_LIST DestNetBufferList,
				      PNET_BUFFER_LIST SrcNetBufferList)
{
	NdisCopySendNetBufferListInfo(DestNetBufferList, SrcNetBufferList);
}
EXPORT_SYMBOL_GPL(NdisCopyReceiveNetBufferListInfo);

PNET_BUFFER NdisAllocateNetBuffer(NDIS_HANDLE PoolHandle, PMDL MdlChain, ULONG DataOffset,
				  SIZE_T DataLength)
{
	struct ndis_pool *p = PoolHandle;
	struct ndis_nb_block *b;

	if (!p || p->kind != NDIS_POOL_NB)
		return NULL;
	b = kzalloc(sizeof(*b), NDIS_GFP);
	if (b)
		ndis_nb_init(&b->nb, p, MdlChain, DataOffset, DataLength);
	return b ? &b->nb : NULL;
}
EXPORT_SYMBOL_GPL(NdisAllocateNetBuffer);

PNET_BUFFER NdisAllocateNetBufferMdlAndData(NDIS_HANDLE PoolHandle)
{
	struct ndis_pool *p = PoolHandle;
	struct ndis_nb_block *b;

	if (!p || p->kind != NDIS_POOL_NB || !p->data_size)
		return NULL;
	b = kzalloc(sizeof(*b), NDIS_GFP);
	if (!b)
		return NULL;
	ndis_nb_init(&b->nb, p, NULL, 0, 0);
	if (ndis_nb_data(&b->nb, &b->mdl, p->data_size)) {
		kfree(b);
		return NULL;
	}
	return &b->nb;
}
EXPORT_SYMBOL_GPL(NdisAllocateNetBufferMdlAndData);

VOID NdisFreeNetBuffer(PNET_BUFFER NetBuffer)
{
	if (!NetBuffer)
		return;
	ndis_nb_release(NetBuffer);
	kfree(container_of(NetBuffer, struct ndis_nb_block, nb));
}
EXPORT_SYMBOL_GPL(NdisFreeNetBuffer);

/* ---- data -------------------------------------------------------------------------------------------- */

/*
 * NdisGetDataBuffer - the next bytes of a NET_BUFFER, contiguous
 * @NetBuffer: the buffer
 * @BytesNeeded: how many, from its data start
 * @Storage: where to copy them when they are not contiguous (or not
 *	aligned as asked), or NULL
 * @AlignMultiple: alignment asked for (a power of 2; 1: none)
 * @AlignOffset: the offset from it
 *
 * Return: a pointer into the buffer's memory, @Storage with the bytes
 * copied, or NULL (fewer bytes than @BytesNeeded, or not contiguous and no
 * @Storage).
 */
PVOID NdisGetDataBuffer(PNET_BUFFER NetBuffer, ULONG BytesNeeded, PVOID Storage,
			UINT AlignMultiple, UINT AlignOffset)
{
	PMDL m = NetBuffer->CurrentMdl;
	u8 *p;

	if (!BytesNeeded || BytesNeeded > NetBuffer->DataLength || !m)
		return NULL;
	p = (u8 *)m->MappedSystemVa + NetBuffer->CurrentMdlOffset;
	if (NetBuffer->CurrentMdlOffset + BytesNeeded <= m->ByteCount &&
	    (AlignMultiple <= 1 ||
	     (((unsigned long)p - AlignOffset) & (AlignMultiple - 1)) == 0))
		return p;
	if (!Storage)
		return NULL;
	ndis_nb_copy_out(NetBuffer, 0, BytesNeeded, Storage);
	return Storage;
}
EXPORT_SYMBOL_GPL(NdisGetDataBuffer);

VOID NdisAdvanceNetBufferDataStart(PNET_BUFFER NetBuffer, ULONG DataOffsetDelta, BOOLEAN FreeMdl,
				   NET_BUFFER_FREE_MDL_HANDLER *FreeMdlHandler)
{
	DataOffsetDelta = min_t(ULONG, DataOffsetDelta, NetBuffer->DataLength);
	NetBuffer->DataOffset += DataOffsetDelta;
	NetBuffer->DataLength -= DataOffsetDelta;
	ndis_nb_locate(NetBuffer);
	/* the MDLs a retreat prepended stay on the chain until the buffer goes */
}
EXPORT_SYMBOL_GPL(NdisAdvanceNetBufferDataStart);

/*
 * NdisRetreatNetBufferDataStart - claim @DataOffsetDelta more bytes before
 *	the data start
 * @NetBuffer: the buffer
 * @DataOffsetDelta: bytes to claim
 * @DataBackFill: more room to leave before them when an MDL is allocated
 * @AllocateMdlHandler: allocates that MDL, or NULL for the library's
 *
 * Return: NDIS_STATUS_SUCCESS or NDIS_STATUS_RESOURCES.
 */
NDIS_STATUS NdisRetreatNetBufferDataStart(PNET_BUFFER NetBuffer, ULONG DataOffsetDelta,
					  ULONG DataBackFill,
					  NET_BUFFER_ALLOCATE_MDL_HANDLER *AllocateMdlHandler)
{
	ULONG need, size;
	PMDL mdl;
	void *buf;

	if (NetBuffer->DataOffset >= DataOffsetDelta) {
		NetBuffer->DataOffset -= DataOffsetDelta;
		NetBuffer->DataLength += DataOffsetDelta;
		ndis_nb_locate(NetBuffer);
		return NDIS_STATUS_SUCCESS;
	}
	/* a new MDL before the chain, its end where the data now starts */
	need = DataOffsetDelta - NetBuffer->DataOffset;
	size = need + DataBackFill;
	if (AllocateMdlHandler) {
		mdl = AllocateMdlHandler(&size);
		if (!mdl || size < need)
			return NDIS_STATUS_RESOURCES;
	} else {
		buf = kmalloc(size, NDIS_GFP);
		mdl = buf ? NdisAllocateMdl(NULL, buf, size) : NULL;
		if (!mdl) {
			kfree(buf);
			return NDIS_STATUS_RESOURCES;
		}
	}
	mdl->Next = NetBuffer->MdlChain;
	NetBuffer->MdlChain = mdl;
	NetBuffer->DataOffset = size - need;
	NetBuffer->DataLength += DataOffsetDelta;
	ndis_nb_locate(NetBuffer);
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(NdisRetreatNetBufferDataStart);

VOID NdisAdvanceNetBufferListDataStart(PNET_BUFFER_LIST NetBufferList, ULONG DataOffsetDelta,
				       BOOLEAN FreeMdl,
				       NET_BUFFER_FREE_MDL_HANDLER *FreeMdlMdlHandler)
{
	PNET_BUFFER nb;

	for (nb = NetBufferList->FirstNetBuffer; nb; nb = nb->Next)
		NdisAdvanceNetBufferDataStart(nb, DataOffsetDelta, FreeMdl, FreeMdlMdlHandler);
}
EXPORT_SYMBOL_GPL(NdisAdvanceNetBufferListDataStart);

NDIS_STATUS NdisRetreatNetBufferListDataStart(PNET_BUFFER_LIST NetBufferList,
					      ULONG DataOffsetDelta, ULONG DataBackFill,
					      NET_BUFFER_ALLOCATE_MDL_HANDLER *AllocateMdlHandler,
					      NET_BUFFER_FREE_MDL_HANDLER *FreeMdlHandler)
{
	NDIS_STATUS st = NDIS_STATUS_SUCCESS;
	PNET_BUFFER nb;

	for (nb = NetBufferList->FirstNetBuffer; nb && st == NDIS_STATUS_SUCCESS; nb = nb->Next)
		st = NdisRetreatNetBufferDataStart(nb, DataOffsetDelta, DataBackFill,
						   AllocateMdlHandler);
	return st;
}
EXPORT_SYMBOL_GPL(NdisRetreatNetBufferListDataStart);

NDIS_STATUS NdisCopyFromNetBufferToNetBuffer(PNET_BUFFER Destination, ULONG DestinationOffset,
					     ULONG BytesToCopy, PNET_BUFFER Source,
					     ULONG SourceOffset, PULONG BytesCopied)
{
	u8 chunk[128];
	ULONG done = 0, n, got;

	while (done < BytesToCopy) {
		n = min_t(ULONG, sizeof(chunk), BytesToCopy - done);
		got = ndis_nb_copy_out(Source, SourceOffset + done, n, chunk);
		got = ndis_nb_copy_in(Destination, DestinationOffset + done, got, chunk);
		done += got;
		if (got < n)
			break;
	}
	*BytesCopied = done;
	return done ? NDIS_STATUS_SUCCESS : NDIS_STATUS_FAILURE;
}
EXPORT_SYMBOL_GPL(NdisCopyFromNetBufferToNetBuffer);
