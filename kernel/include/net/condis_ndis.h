/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: condis_ndis.h
 *
 * NDIS 6 connection-oriented NDIS (CoNDIS) as the Windows
 * DDK defines it, for CoNDIS drivers written to the DDK pages: a client,
 * a stand-alone call manager, a CoNDIS miniport or a miniport call manager
 * builds against this header with only its registration changed, and runs
 * on condis through condis_ndis.ko, the NDIS library.
 *
 * What is here, each in its own header:
 *  - <net/ndis/types.h>: the DDK's scalar types, SAL annotations,
 *    NDIS_STATUS with the Windows values, NDIS_OBJECT_HEADER, strings,
 *    LIST_ENTRY;
 *  - <net/ndis/support.h>: tagged memory, lookaside lists, generic
 *    objects, spin locks (and Dpr variants, the kernel's KSPIN_LOCK),
 *    read/write locks, NDIS_MUTEX, events, timer objects, I/O work items,
 *    interlocked operations and lists (SLIST_HEADER too), processors,
 *    memory and string helpers, time, the checked-build macros (DbgPrint,
 *    ASSERT, ...), NdisWriteErrorLogEntry;
 *  - <net/ndis/nbl.h>: NET_BUFFER_LIST, NET_BUFFER, MDL, their pools and
 *    macros, clones, NdisGetDataBuffer, NdisReturnNetBufferLists;
 *  - <net/ndis/oid.h>: NDIS_OID_REQUEST, NDIS_STATUS_INDICATION, the
 *    OID_CO_*, OID_GEN_CO_* and OID_WAN_CO_* OIDs;
 *  - <net/ndis/co.h>: CO_ADDRESS_FAMILY, CO_SAP, CO_CALL_PARAMETERS, every
 *    CoNDIS handler type and characteristics structure, the 65 CoNDIS
 *    functions with the DDK's prototypes;
 *  - <net/ndis/driver.h>: NdisRegisterProtocolDriver, binding
 *    (NdisOpenAdapterEx, NdisCompleteBindAdapterEx, ...),
 *    NdisMRegisterMiniportDriver, NdisMSetMiniportAttributes,
 *    NdisSetOptionalHandlers, the configuration (NdisOpenConfigurationEx,
 *    NdisReadConfiguration, NdisWriteConfiguration, subkeys).
 *
 * A port changes its registration only: DriverEntry is called from the
 * module's init (Linux has no DriverEntry), the driver deregisters in its
 * exit, and a miniport makes its adapters with condis_ndis_miniport_add().
 * Documentation/condis/ndis-mapping.rst, "Porting", says what condis does
 * differently where Linux makes it (contexts, memory, statuses at the
 * boundary).
 */
#ifndef _NET_CONDIS_NDIS_H
#define _NET_CONDIS_NDIS_H

/*
 * What DDK code writes that GCC warns of: pool tags are multi-character
 * constants ('gaTx'); MSVC's pragmas (warning, alloc_text, prefast,
 * NDIS_PAGEABLE_FUNCTION) are unknown to it
 */
#pragma GCC diagnostic ignored "-Wmultichar"
#pragma GCC diagnostic ignored "-Wunknown-pragmas"

#include <net/ndis/types.h>
#include <net/ndis/support.h>
#include <net/ndis/nbl.h>
#include <net/ndis/oid.h>
#include <net/ndis/co.h>
#include <net/ndis/driver.h>

#endif /* _NET_CONDIS_NDIS_H */
