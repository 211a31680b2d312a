/* SPDX-License-Identifier: GPL-2.0 */
/*
 * defer.c: requests a driver makes at DISPATCH_LEVEL.
 *
 * The DDK lets a driver make most CoNDIS requests at DISPATCH_LEVEL (a
 * call manager creates a VC and offers the call from its receive handler);
 * condis takes them in process context. Such a request is queued here
 * and made from a work item: the function returns NDIS_STATUS_PENDING and
 * the driver's completion handler gets the result, as NDIS's own pended
 * requests do. Requests on a VC that has one queued queue behind it, in
 * order, from any context.
 */
#ifndef _CONDIS_NDIS_DEFER_H
#define _CONDIS_NDIS_DEFER_H

#include <linux/workqueue.h>
#include "lib.h"

struct ndis_deferred;
typedef void (*ndis_deferred_fn)(struct ndis_deferred *d);

/**
 * struct ndis_deferred - a request made at DISPATCH_LEVEL, queued
 * @work: on the library's queue of deferred requests
 * @run: makes the request (process context) and, when condis answers at
 *	once, runs the driver's completion handler with the answer
 * @vc: the VC it is on (counted in its @queued), or NULL; @run sets it
 *	to NULL when it freed the VC
 * @status: the request's parameters: a status
 * @h: handles
 * @params: call parameters (the driver's own)
 * @cp: call parameters as condis has them
 * @size: bytes at @buf
 * @buf: a copy of the driver's buffer
 */
struct ndis_deferred {
	struct work_struct work;
	ndis_deferred_fn run;
	struct ndis_vc *vc;
	NDIS_STATUS status;
	NDIS_HANDLE h[2];
	PCO_CALL_PARAMETERS params;
	struct condis_call_params *cp;
	u32 size;
	u8 buf[] __aligned(8);	/* (a struct may be copied in) */
};

bool ndis_must_defer(struct ndis_vc *v);
struct ndis_deferred *ndis_deferred_alloc(const void *buf, u32 size);
void ndis_defer(struct ndis_deferred *d, struct ndis_vc *v, ndis_deferred_fn run);
NDIS_STATUS ndis_defer_handle(struct ndis_vc *v, NDIS_HANDLE h, const void *buf, u32 size,
			      ndis_deferred_fn run);
void ndis_defer_flush(void);
int ndis_defer_init(void);
void ndis_defer_exit(void);

#endif /* _CONDIS_NDIS_DEFER_H */
