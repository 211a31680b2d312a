// SPDX-License-Identifier: GPL-2.0
/*
 * Requests a driver makes at DISPATCH_LEVEL, made from a work item (see
 * defer.h). DISPATCH_LEVEL is KeGetCurrentIrql()'s: softirq, hard
 * interrupt, or a section with preemption, bottom halves or interrupts off.
 */
#include <linux/slab.h>
#include "defer.h"

static struct workqueue_struct *ndis_defer_wq;

/**
 * ndis_must_defer - whether a request is to be queued
 * @v: the VC it is on, or NULL
 *
 * Context: any.
 * Return: true at DISPATCH_LEVEL, and while @v has a request queued
 * (requests on a VC are made in the order they came).
 */
bool ndis_must_defer(struct ndis_vc *v)
{
	return KeGetCurrentIrql() != PASSIVE_LEVEL || (v && atomic_read(&v->queued));
}

/**
 * ndis_deferred_alloc - a deferred request
 * @buf: the driver's buffer to copy in, or NULL
 * @size: its bytes
 *
 * Context: any.
 * Return: the request, or NULL when memory is short.
 */
struct ndis_deferred *ndis_deferred_alloc(const void *buf, u32 size)
{
	struct ndis_deferred *d;

	if (!buf)
		size = 0;
	d = kzalloc(struct_size(d, buf, size), GFP_ATOMIC | __GFP_NOWARN);
	if (d && size) {
		memcpy(d->buf, buf, size);
		d->size = size;
	}
	return d;
}

static void ndis_deferred_work(struct work_struct *work)
{
	struct ndis_deferred *d = container_of(work, struct ndis_deferred, work);

	d->run(d);
	if (d->vc)
		atomic_dec(&d->vc->queued);
	kfree(d);
}

/**
 * ndis_defer - queue a request
 * @d: the request (ndis_deferred_alloc()); freed after @run
 * @v: the VC it is on, or NULL
 * @run: what makes it
 *
 * Context: any.
 */
void ndis_defer(struct ndis_deferred *d, struct ndis_vc *v, ndis_deferred_fn run)
{
	INIT_WORK(&d->work, ndis_deferred_work);
	d->run = run;
	d->vc = v;
	if (v)
		atomic_inc(&v->queued);
	queue_work(ndis_defer_wq, &d->work);
}

/**
 * ndis_defer_handle - queue a request on one handle
 * @v: the VC it is on, or NULL
 * @h: the handle (@run finds it in h[0])
 * @buf: the driver's buffer to copy in, or NULL
 * @size: its bytes
 * @run: what makes it
 *
 * Context: any.
 * Return: NDIS_STATUS_PENDING, or NDIS_STATUS_RESOURCES when memory is
 * short (nothing queued): what the driver's request returns.
 */
NDIS_STATUS ndis_defer_handle(struct ndis_vc *v, NDIS_HANDLE h, const void *buf, u32 size,
			      ndis_deferred_fn run)
{
	struct ndis_deferred *d = ndis_deferred_alloc(buf, size);

	if (!d)
		return NDIS_STATUS_RESOURCES;
	d->h[0] = h;
	ndis_defer(d, v, run);
	return NDIS_STATUS_PENDING;
}

/**
 * ndis_defer_flush - wait until every queued request was made
 *
 * A driver deregistering: none of its requests is left to run after.
 * Context: process.
 */
void ndis_defer_flush(void)
{
	flush_workqueue(ndis_defer_wq);
}

int ndis_defer_init(void)
{
	ndis_defer_wq = alloc_ordered_workqueue("condis_ndis_defer", 0);
	return ndis_defer_wq ? 0 : -ENOMEM;
}

void ndis_defer_exit(void)
{
	destroy_workqueue(ndis_defer_wq);
}
