// SPDX-License-Identifier: GPL-2.0
/*
 * Frames at condis's boundary: sk_buffs as NET_BUFFER_LISTs and back.
 *
 * To a driver (a protocol's receive, a miniport's send) an sk_buff is a
 * NET_BUFFER_LIST of one NET_BUFFER whose MDLs describe the sk_buff's own
 * memory, its head and each page fragment: no copy. A protocol gives what
 * it received back with NdisReturnNetBufferLists (the sk_buff is freed
 * then); a miniport completes what it was sent with
 * NdisMCoSendNetBufferListsComplete, its status per NET_BUFFER_LIST.
 *
 * From a driver (a protocol's send, a miniport's receive) each NET_BUFFER
 * becomes an sk_buff: a clone of the pool's sk_buff when its data is pool
 * data in one MDL (no copy), a copy otherwise. A NET_BUFFER_LIST a
 * protocol sends completes, with its status, once every one of its
 * buffers did, always after NdisCoSendNetBufferLists returned: a send
 * condis refuses completes from the library's workqueue. A miniport's
 * receive indicated without NDIS_RECEIVE_FLAGS_RESOURCES goes back to its
 * MiniportReturnNetBufferLists from the workqueue once every NDIS
 * protocol that received its pool data (a clone, in the same call) gave
 * it back with NdisReturnNetBufferLists: from miniport to protocol and
 * back, no byte is copied. With the flag, the miniport has it back when
 * the indication returns; and at its halt, whatever a protocol still
 * holds. Pool data a frame still holds then (a clone) is copied for the
 * miniport first: what it writes into its list is not what the protocol
 * received.
 */
#include <linux/hashtable.h>
#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include "lib.h"
#include "nbl.h"
#include "frames.h"

/* room a miniport may push headers into without reallocating */
#define NDIS_TX_HEADROOM	64

/* an sk_buff as a NET_BUFFER_LIST */
struct ndis_wrap {
	NET_BUFFER_LIST nbl;
	NET_BUFFER nb;
	struct sk_buff *skb;
	struct ndis_vc *v;
	struct ndis_return *rx;		/* a miniport's receive this holds */
	MDL mdl[MAX_SKB_FRAGS + 1];
};

/* a protocol's NET_BUFFER_LIST being sent */
struct ndis_tx {
	PNET_BUFFER_LIST nbl;
	struct ndis_vc *v;
	atomic_t left;		/* buffers not completed */
	NDIS_STATUS status;
};

/* which ndis_tx an sk_buff in flight is of */
struct ndis_tx_skb {
	struct sk_buff *skb;
	struct ndis_tx *tx;
	struct hlist_node node;
};

static DEFINE_SPINLOCK(ndis_tx_lock);		/* ndis_tx_skbs, ndis_tx_done */
static DEFINE_HASHTABLE(ndis_tx_skbs, 8);
/*
 * NET_BUFFER_LISTs whose completion waits for the workqueue, chained
 * through Next, the sender's VC in NdisReserved[0]: deferring costs no
 * allocation.
 */
static PNET_BUFFER_LIST ndis_tx_done;

/*
 * A miniport's receive to give back: when @held drops to 0 (the
 * indication, and each NDIS protocol's hold of its pool data), or at the
 * miniport's halt. @node (on @mp->rx_held) and @returned under
 * ndis_rx_lock.
 */
struct ndis_return {
	struct work_struct work;
	struct ndis_mp *mp;
	PNET_BUFFER_LIST nbls;
	atomic_t held;
	bool returned;
	struct list_head node;
};

static DEFINE_SPINLOCK(ndis_rx_lock);

/*
 * The frame being indicated on this CPU, and its receive: a protocol's
 * receive handler that runs in that call (bottom halves off) holds it
 */
struct ndis_rx_cur {
	struct sk_buff *skb;
	struct ndis_return *r;
};

static DEFINE_PER_CPU(struct ndis_rx_cur, ndis_rx_cur);

static void ndis_tx_done_fn(struct work_struct *work);
static DECLARE_WORK(ndis_tx_work, ndis_tx_done_fn);

/* ---- sk_buff to NET_BUFFER_LIST --------------------------------------------------------------- */

static struct ndis_wrap *ndis_wrap(struct sk_buff *skb)
{
	struct ndis_wrap *w;
	int i, n = 0;

	if (skb_has_frag_list(skb) && skb_linearize(skb))
		return NULL;
	w = kzalloc(sizeof(*w), NDIS_GFP);
	if (!w)
		return NULL;
	w->skb = skb;
	/* the MDLs: the head, then each fragment, chained */
	if (skb_headlen(skb)) {
		PMDL m = &w->mdl[n++];

		m->MappedSystemVa = skb->data;
		m->StartVa = (PVOID)((unsigned long)skb->data & PAGE_MASK);
		m->ByteOffset = offset_in_page(skb->data);
		m->ByteCount = skb_headlen(skb);
	}
	for (i = 0; i < skb_shinfo(skb)->nr_frags; i++) {
		const skb_frag_t *f = &skb_shinfo(skb)->frags[i];
		PMDL m = &w->mdl[n++];
		u8 *va = page_address(skb_frag_page(f)) + skb_frag_off(f);

		m->MappedSystemVa = va;
		m->StartVa = (PVOID)((unsigned long)va & PAGE_MASK);
		m->ByteOffset = offset_in_page(va);
		m->ByteCount = skb_frag_size(f);
	}
	for (i = 0; i < n; i++) {
		w->mdl[i].Size = sizeof(MDL);
		w->mdl[i].MdlFlags = MDL_MAPPED_TO_SYSTEM_VA;
		w->mdl[i].Next = i + 1 < n ? &w->mdl[i + 1] : NULL;
	}
	ndis_nb_init(&w->nb, NULL, n ? &w->mdl[0] : NULL, 0, skb->len);
	w->nbl.FirstNetBuffer = &w->nb;
	w->nbl.NdisReserved[0] = w;
	return w;
}

static void ndis_rx_put(struct ndis_return *r)
{
	if (atomic_dec_and_test(&r->held))
		queue_work(ndis_wq, &r->work);
}

/* @w's frame is the miniport pool data being indicated here: @w holds its receive */
static void ndis_rx_hold(struct ndis_wrap *w)
{
	struct ndis_rx_cur *cur;

	if (!skb_cloned(w->skb))
		return;
	cur = get_cpu_ptr(&ndis_rx_cur);
	if (cur->skb == w->skb) {
		w->rx = cur->r;
		atomic_inc(&w->rx->held);
		cur->skb = NULL;
	}
	put_cpu_ptr(&ndis_rx_cur);
}

/* condis's receive handler of clients and call managers: in softirq */
void ndis_frames_receive(void *vc_ctx, struct sk_buff *skb)
{
	struct ndis_vc *v = vc_ctx;
	struct ndis_drv *drv = v->drv;
	struct ndis_wrap *w;

	if (!drv->has_co || !drv->co.CoReceiveNetBufferListsHandler) {
		kfree_skb(skb);
		return;
	}
	w = ndis_wrap(skb);
	if (!w) {
		kfree_skb(skb);
		return;
	}
	w->v = v;
	ndis_rx_hold(w);
	/* the protocol owns it until NdisReturnNetBufferLists */
	drv->co.CoReceiveNetBufferListsHandler(v->bind ? v->bind->ctx : NULL, v->ctx, &w->nbl, 1,
					       NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL);
}

/*
 * NdisReturnNetBufferLists - a protocol gives back what it received
 * @NdisBindingHandle: its binding
 * @NetBufferLists: the chain of what it received (in any order)
 * @ReturnFlags: NDIS_RETURN_FLAGS_*
 */
VOID NdisReturnNetBufferLists(NDIS_HANDLE NdisBindingHandle, PNET_BUFFER_LIST NetBufferLists,
			      ULONG ReturnFlags)
{
	PNET_BUFFER_LIST nbl, next;

	for (nbl = NetBufferLists; nbl; nbl = next) {
		struct ndis_wrap *w = nbl->NdisReserved[0];

		next = nbl->Next;
		consume_skb(w->skb);
		if (w->rx)
			ndis_rx_put(w->rx);
		kfree(w);
	}
}
EXPORT_SYMBOL_GPL(NdisReturnNetBufferLists);

/* condis's send handler of an NDIS miniport */
void ndis_frames_mp_send(void *mp_vc_ctx, struct sk_buff *skb)
{
	struct ndis_vc *v = mp_vc_ctx;
	struct ndis_wrap *w = ndis_wrap(skb);

	if (!w) {
		condis_mco_send_complete(v->vc, skb, -ENOMEM);
		return;
	}
	w->v = v;
	v->drv->mco.CoSendNetBufferListsHandler(v->ctx, &w->nbl, NDIS_SEND_FLAGS_DISPATCH_LEVEL);
}

/*
 * NdisMCoSendNetBufferListsComplete - a miniport is done with what it sent
 * @NdisVcHandle: the VC
 * @NetBufferLists: the chain, each with its status in NET_BUFFER_LIST_STATUS
 * @SendCompleteFlags: NDIS_SEND_COMPLETE_FLAGS_*
 */
VOID NdisMCoSendNetBufferListsComplete(NDIS_HANDLE NdisVcHandle, PNET_BUFFER_LIST NetBufferLists,
				       ULONG SendCompleteFlags)
{
	struct ndis_vc *v = NdisVcHandle;
	PNET_BUFFER_LIST nbl, next;

	for (nbl = NetBufferLists; nbl; nbl = next) {
		struct ndis_wrap *w = nbl->NdisReserved[0];

		next = nbl->Next;
		condis_mco_send_complete(v->vc, w->skb, ndis_to_condis(nbl->Status));
		kfree(w);
	}
}
EXPORT_SYMBOL_GPL(NdisMCoSendNetBufferListsComplete);

/* ---- NET_BUFFER to sk_buff ---------------------------------------------------------------------- */

static struct sk_buff *ndis_skb_of(PNET_BUFFER nb, unsigned int headroom)
{
	struct sk_buff *pool = nb->NdisReserved[1], *skb;
	PMDL m = nb->CurrentMdl;
	u8 *start;

	if (pool && m == nb->MdlChain && !m->Next &&
	    nb->CurrentMdlOffset + nb->DataLength <= m->ByteCount) {
		/* pool data in one MDL: a clone of the pool's sk_buff, no copy */
		start = (u8 *)m->MappedSystemVa + nb->CurrentMdlOffset;
		skb = skb_clone(pool, NDIS_GFP);
		if (skb) {
			skb_pull(skb, start - pool->data);
			skb_trim(skb, nb->DataLength);
		}
		return skb;
	}
	skb = alloc_skb(headroom + nb->DataLength, NDIS_GFP);
	if (!skb)
		return NULL;
	skb_reserve(skb, headroom);
	ndis_nb_copy_out(nb, 0, nb->DataLength, skb_put(skb, nb->DataLength));
	return skb;
}

static void ndis_nbl_complete(struct ndis_vc *v, PNET_BUFFER_LIST nbl)
{
	v->drv->co.CoSendNetBufferListsCompleteHandler(v->ctx, nbl, 0);
}

/* @nbl (its Status set) completes from the workqueue */
static void ndis_nbl_defer(struct ndis_vc *v, PNET_BUFFER_LIST nbl)
{
	unsigned long flags;

	nbl->NdisReserved[0] = v;
	spin_lock_irqsave(&ndis_tx_lock, flags);
	nbl->Next = ndis_tx_done;
	ndis_tx_done = nbl;
	spin_unlock_irqrestore(&ndis_tx_lock, flags);
	queue_work(ndis_wq, &ndis_tx_work);
}

static void ndis_tx_done_fn(struct work_struct *work)
{
	PNET_BUFFER_LIST nbl, next;
	unsigned long flags;

	spin_lock_irqsave(&ndis_tx_lock, flags);
	nbl = ndis_tx_done;
	ndis_tx_done = NULL;
	spin_unlock_irqrestore(&ndis_tx_lock, flags);
	for (; nbl; nbl = next) {
		next = nbl->Next;
		nbl->Next = NULL;
		ndis_nbl_complete(nbl->NdisReserved[0], nbl);
	}
}

/* one buffer of @tx is done; the last completes it (now, or @defer it) */
static void ndis_tx_put(struct ndis_tx *tx, int status, bool defer)
{
	struct ndis_vc *v = tx->v;
	PNET_BUFFER_LIST nbl = tx->nbl;

	if (status && tx->status == NDIS_STATUS_SUCCESS)
		tx->status = ndis_from_condis(status);
	if (!atomic_dec_and_test(&tx->left))
		return;
	nbl->Status = tx->status;
	kfree(tx);
	if (defer)
		ndis_nbl_defer(v, nbl);
	else
		ndis_nbl_complete(v, nbl);
}

static int ndis_tx_track(struct sk_buff *skb, struct ndis_tx *tx)
{
	struct ndis_tx_skb *t = kmalloc(sizeof(*t), NDIS_GFP);
	unsigned long flags;

	if (!t)
		return -ENOMEM;
	t->skb = skb;
	t->tx = tx;
	spin_lock_irqsave(&ndis_tx_lock, flags);
	hash_add(ndis_tx_skbs, &t->node, (unsigned long)skb);
	spin_unlock_irqrestore(&ndis_tx_lock, flags);
	return 0;
}

static struct ndis_tx *ndis_tx_untrack(struct sk_buff *skb)
{
	struct ndis_tx *tx = NULL;
	struct ndis_tx_skb *t;
	unsigned long flags;

	spin_lock_irqsave(&ndis_tx_lock, flags);
	hash_for_each_possible(ndis_tx_skbs, t, node, (unsigned long)skb)
		if (t->skb == skb) {
			hash_del(&t->node);
			tx = t->tx;
			kfree(t);
			break;
		}
	spin_unlock_irqrestore(&ndis_tx_lock, flags);
	return tx;
}

static void ndis_tx_one(struct ndis_tx *tx, PNET_BUFFER nb)
{
	struct sk_buff *skb;
	int ret;

	if (!tx->v->vc) {	/* created at DISPATCH_LEVEL, not yet or failed */
		ndis_tx_put(tx, -ENOTCONN, true);
		return;
	}
	skb = ndis_skb_of(nb, NDIS_TX_HEADROOM);
	if (!skb || ndis_tx_track(skb, tx)) {
		kfree_skb(skb);
		ndis_tx_put(tx, -ENOMEM, true);
		return;
	}
	ret = condis_co_send(tx->v->vc, skb);	/* frees @skb when it refuses */
	if (ret) {
		ndis_tx_untrack(skb);
		ndis_tx_put(tx, ret, true);
	}
}

/*
 * NdisCoSendNetBufferLists - a client (or a call manager on its own VC)
 *	sends
 * @NdisVcHandle: the VC
 * @NetBufferLists: a chain of NET_BUFFER_LISTs, each of NET_BUFFERs: each
 *	NET_BUFFER a frame
 * @SendFlags: NDIS_SEND_FLAGS_*
 *
 * Every NET_BUFFER_LIST comes back to the sender's
 * ProtocolCoSendNetBufferListsComplete with its status, always later.
 * Context: any up to DISPATCH_LEVEL (softirq).
 */
VOID NdisCoSendNetBufferLists(NDIS_HANDLE NdisVcHandle, PNET_BUFFER_LIST NetBufferLists,
			      ULONG SendFlags)
{
	struct ndis_vc *v = NdisVcHandle;
	PNET_BUFFER_LIST nbl, next;
	PNET_BUFFER nb;
	struct ndis_tx *tx;
	int n;

	for (nbl = NetBufferLists; nbl; nbl = next) {
		next = nbl->Next;
		nbl->Next = NULL;
		nbl->Status = NDIS_STATUS_SUCCESS;
		tx = kzalloc(sizeof(*tx), NDIS_GFP);
		if (!tx) {
			nbl->Status = NDIS_STATUS_RESOURCES;
			ndis_nbl_defer(v, nbl);
			continue;
		}
		tx->nbl = nbl;
		tx->v = v;
		for (n = 0, nb = nbl->FirstNetBuffer; nb; nb = nb->Next)
			n++;
		/* one more, dropped when every buffer went: none completes it early */
		atomic_set(&tx->left, n + 1);
		for (nb = nbl->FirstNetBuffer; nb; nb = nb->Next)
			ndis_tx_one(tx, nb);
		ndis_tx_put(tx, 0, true);
	}
}
EXPORT_SYMBOL_GPL(NdisCoSendNetBufferLists);

/* condis's send completion of clients and call managers */
void ndis_frames_send_complete(void *vc_ctx, struct sk_buff *skb, int status)
{
	struct ndis_tx *tx = ndis_tx_untrack(skb);

	consume_skb(skb);
	if (tx)
		ndis_tx_put(tx, status, false);
}

/* ---- a miniport's receives ----------------------------------------------------------------------- */

/* A miniport's lists, its again: pool data a frame still holds is copied for it. */
static void ndis_rx_unshare(PNET_BUFFER_LIST nbls)
{
	PNET_BUFFER_LIST nbl;
	PNET_BUFFER nb;

	for (nbl = nbls; nbl; nbl = nbl->Next)
		for (nb = nbl->FirstNetBuffer; nb; nb = nb->Next)
			if (ndis_nb_unshare(nb))
				pr_warn_ratelimited("condis_ndis: a receive's data stays shared: out of memory\n");
}

/* @r's lists back to the miniport, once: true for the caller that gives them */
static bool ndis_rx_take(struct ndis_return *r)
{
	unsigned long flags;
	bool give;

	spin_lock_irqsave(&ndis_rx_lock, flags);
	give = !r->returned;
	if (give) {
		r->returned = true;
		list_del(&r->node);
	}
	spin_unlock_irqrestore(&ndis_rx_lock, flags);
	return give;
}

static void ndis_rx_give(struct ndis_return *r)
{
	ndis_rx_unshare(r->nbls);
	r->mp->drv->mchars.ReturnNetBufferListsHandler(r->mp->ctx, r->nbls, 0);
}

static void ndis_return_fn(struct work_struct *work)
{
	struct ndis_return *r = container_of(work, struct ndis_return, work);

	if (ndis_rx_take(r))
		ndis_rx_give(r);
	kfree(r);
}

/**
 * ndis_frames_reclaim - a halting miniport's receives back, held or not
 * @mp: the miniport
 *
 * What protocols still hold is copied for them first (their clones keep
 * the data). Context: process.
 */
void ndis_frames_reclaim(struct ndis_mp *mp)
{
	struct ndis_return *r;
	unsigned long flags;

	for (;;) {
		spin_lock_irqsave(&ndis_rx_lock, flags);
		r = list_first_entry_or_null(&mp->rx_held, struct ndis_return, node);
		if (r) {
			r->returned = true;
			list_del(&r->node);
		}
		spin_unlock_irqrestore(&ndis_rx_lock, flags);
		if (!r)
			return;
		ndis_rx_give(r);	/* freed by the last hold's put */
	}
}

/*
 * NdisMCoIndicateReceiveNetBufferLists - a miniport indicates frames on a VC
 * @NdisVcHandle: the VC
 * @NetBufferLists: a chain; each NET_BUFFER a frame
 * @NumberOfNetBufferLists: how many
 * @CoReceiveFlags: NDIS_RECEIVE_FLAGS_*; with NDIS_RECEIVE_FLAGS_RESOURCES
 *	the miniport has them back when this returns
 *
 * Pool data goes to condis as clones of the pool's sk_buffs (no copy),
 * other data copied. Without NDIS_RECEIVE_FLAGS_RESOURCES the lists go
 * back once the NDIS protocols that received them returned them.
 * Context: any up to DISPATCH_LEVEL; the receive handlers run with bottom
 * halves off.
 */
VOID NdisMCoIndicateReceiveNetBufferLists(NDIS_HANDLE NdisVcHandle,
					  PNET_BUFFER_LIST NetBufferLists,
					  ULONG NumberOfNetBufferLists, ULONG CoReceiveFlags)
{
	struct ndis_vc *v = NdisVcHandle;
	struct ndis_rx_cur *cur, saved;
	struct ndis_return *r = NULL;
	PNET_BUFFER_LIST nbl;
	struct sk_buff *skb;
	unsigned long flags;
	PNET_BUFFER nb;

	if (!NDIS_TEST_RECEIVE_CANNOT_PEND(CoReceiveFlags) &&
	    v->drv->mchars.ReturnNetBufferListsHandler) {
		r = kzalloc(sizeof(*r), NDIS_GFP);
		if (r) {
			INIT_WORK(&r->work, ndis_return_fn);
			r->mp = v->mp;
			r->nbls = NetBufferLists;
			atomic_set(&r->held, 1);	/* this indication's */
			spin_lock_irqsave(&ndis_rx_lock, flags);
			list_add_tail(&r->node, &v->mp->rx_held);
			spin_unlock_irqrestore(&ndis_rx_lock, flags);
		}
	}
	local_bh_disable();
	for (nbl = NetBufferLists; nbl; nbl = nbl->Next)
		for (nb = nbl->FirstNetBuffer; nb; nb = nb->Next) {
			skb = ndis_skb_of(nb, NET_SKB_PAD);
			if (!skb)
				continue;
			cur = this_cpu_ptr(&ndis_rx_cur);
			saved = *cur;		/* (an indication within a receive) */
			cur->skb = r && skb_cloned(skb) ? skb : NULL;
			cur->r = r;
			condis_mco_indicate_receive(v->vc, skb);
			*this_cpu_ptr(&ndis_rx_cur) = saved;
		}
	local_bh_enable();
	if (r) {
		ndis_rx_put(r);
		return;
	}
	ndis_rx_unshare(NetBufferLists);	/* the miniport's again now */
	if (!NDIS_TEST_RECEIVE_CANNOT_PEND(CoReceiveFlags) &&
	    v->drv->mchars.ReturnNetBufferListsHandler)	/* (no memory to defer it) */
		v->drv->mchars.ReturnNetBufferListsHandler(v->mp->ctx, NetBufferLists,
							   NDIS_RETURN_FLAGS_DISPATCH_LEVEL);
}
EXPORT_SYMBOL_GPL(NdisMCoIndicateReceiveNetBufferLists);

/* Every deferred completion and return delivered (module exit, halts). */
void ndis_frames_flush(void)
{
	flush_workqueue(ndis_wq);
}
