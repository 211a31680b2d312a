/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis_lo: the loopback adapter with an integrated call manager (MCM).
 *
 * One adapter "lo" per network namespace, with the loopback address family
 * (CONDIS_AF_TYPE_LOOPBACK). Calls go between SAPs of that namespace: the
 * called SAP's address is the call's CM-specific parameter block. Frames
 * sent on one end of a call are received on the other end (on every leaf
 * of a multipoint call, and from a leaf by the root).
 *
 * miniport.c: the adapter side (VCs, data). cm.c: the call manager, whose
 * work runs on one ordered workqueue, so call state needs no other lock.
 */
#ifndef _CONDIS_LO_H
#define _CONDIS_LO_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>
#include <net/condis.h>

/**
 * struct lo_dev - the loopback adapter of one namespace
 * @adapter: its condis adapter
 * @cm: its call manager registration
 * @ports: struct lo_port by VC id (the miniport's VCs)
 * @lock: the data links between ports
 * @saps: struct condis_cm_sap registered (cm work only)
 * @going: being unregistered: condis deletes the VCs the CM created on its
 *	behalf, so the CM no longer does
 */
struct lo_dev {
	struct condis_adapter *adapter;
	struct condis_cm *cm;
	struct xarray ports;
	spinlock_t lock;		/* the ports' peer and leaf links */
	struct list_head saps;
	bool going;
};

/**
 * struct lo_port - a VC as the miniport sees it
 * @vc: its handle
 * @dev: the adapter
 * @peer: where frames sent on it go (point to point, or leaf to root)
 * @leaves: a multipoint root's leaves (struct lo_port, @leaf_node)
 * @leaf_node: in the root's @leaves
 * @busy: frames being indicated on it (unlinking waits for them)
 * @channel: a stand-alone CM activated it on this channel (<net/condis_lo.h>)
 * @on_channel: @channel is set (under @dev->lock)
 */
struct lo_port {
	struct condis_vc *vc;
	struct lo_dev *dev;
	struct lo_port *peer;
	struct list_head leaves;
	struct list_head leaf_node;
	atomic_t busy;
	u32 channel;
	bool on_channel;
};

extern const struct condis_miniport_ops lo_miniport_ops;
extern const struct condis_cm_ops lo_cm_ops;
extern struct workqueue_struct *lo_wq;

void lo_link(struct lo_dev *dev, struct condis_vc *root, struct condis_vc *leaf,
	     bool multipoint);
void lo_unlink(struct lo_port *port);
void lo_unlink_vc(struct lo_dev *dev, struct condis_vc *vc);

#endif /* _CONDIS_LO_H */
