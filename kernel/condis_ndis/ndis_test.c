// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the NDIS library's boundary and buffers: CO_CALL_PARAMETERS and
 * CO_SAP against condis's call parameters and SAPs (both ways, and what a
 * driver changes going back), statuses both ways, and the NET_BUFFER_LIST
 * routines (pools, MDL chains, clones, NdisGetDataBuffer, advance and
 * retreat, copies, contexts, pool data).
 */
#include <kunit/test.h>
#include <linux/skbuff.h>
#include <net/condis_kunit.h>
#include "lib.h"
#include "params.h"

static struct condis_call_params *ndis_test_cp(struct kunit *test)
{
	struct condis_call_params *cp = condis_call_params_alloc(5, 3, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, cp);
	cp->flags = MULTIPOINT_VC;
	cp->tx.peak_bandwidth = 111;
	cp->rx.token_rate = 222;
	cp->tx.service_type = SERVICETYPE_GUARANTEED;
	cp->media_flags = TRANSMIT_VC | RECEIVE_VC;
	cp->receive_priority = 7;
	cp->receive_size_hint = 1500;
	cp->cm_specific_type = 0x11;
	cp->media_specific_type = 0x22;
	memcpy(cp->cm_specific, "abcde", 5);
	memcpy(cp->media_specific, "xyz", 3);
	return cp;
}

/* condis's parameters as the DDK lays them out, and back, unchanged */
static void ndis_params_round_trip(struct kunit *test)
{
	struct condis_call_params *cp = ndis_test_cp(test), *back;
	PCO_CALL_PARAMETERS p = ndis_params_from_cp(cp);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, p->Flags, (ULONG)MULTIPOINT_VC);
	KUNIT_EXPECT_EQ(test, p->CallMgrParameters->Transmit.PeakBandwidth, 111u);
	KUNIT_EXPECT_EQ(test, p->CallMgrParameters->Receive.TokenRate, 222u);
	KUNIT_EXPECT_EQ(test, p->CallMgrParameters->Transmit.ServiceType,
			(SERVICETYPE)SERVICETYPE_GUARANTEED);
	KUNIT_EXPECT_EQ(test, p->CallMgrParameters->CallMgrSpecific.ParamType, 0x11u);
	KUNIT_EXPECT_EQ(test, p->CallMgrParameters->CallMgrSpecific.Length, 5u);
	KUNIT_EXPECT_MEMEQ(test, p->CallMgrParameters->CallMgrSpecific.Parameters, "abcde", 5);
	KUNIT_EXPECT_EQ(test, p->MediaParameters->Flags, (ULONG)(TRANSMIT_VC | RECEIVE_VC));
	KUNIT_EXPECT_EQ(test, p->MediaParameters->ReceiveSizeHint, 1500u);
	KUNIT_EXPECT_EQ(test, p->MediaParameters->MediaSpecific.ParamType, 0x22u);
	KUNIT_EXPECT_MEMEQ(test, p->MediaParameters->MediaSpecific.Parameters, "xyz", 3);

	back = ndis_params_to_cp(p);
	KUNIT_ASSERT_NOT_NULL(test, back);
	KUNIT_EXPECT_EQ(test, back->flags, cp->flags);
	KUNIT_EXPECT_MEMEQ(test, &back->tx, &cp->tx, sizeof(cp->tx));
	KUNIT_EXPECT_MEMEQ(test, &back->rx, &cp->rx, sizeof(cp->rx));
	KUNIT_EXPECT_EQ(test, back->receive_priority, 7u);
	KUNIT_EXPECT_EQ(test, back->cm_specific_type, 0x11u);
	KUNIT_EXPECT_EQ(test, back->media_specific_type, 0x22u);
	KUNIT_ASSERT_EQ(test, back->cm_specific_len, 5u);
	KUNIT_EXPECT_MEMEQ(test, back->cm_specific, "abcde", 5);
	KUNIT_ASSERT_EQ(test, back->media_specific_len, 3u);
	KUNIT_EXPECT_MEMEQ(test, back->media_specific, "xyz", 3);
	condis_call_params_free(back);
	ndis_params_free(p);
	condis_call_params_free(cp);
}

/* A driver's own parameters: either part may be missing; a blob too large is refused */
static void ndis_params_of_a_driver(struct kunit *test)
{
	struct {
		CO_CALL_PARAMETERS p;
		CO_CALL_MANAGER_PARAMETERS cm;
		UCHAR more[8];
	} d = {};
	struct condis_call_params *cp;

	d.p.CallMgrParameters = &d.cm;
	d.cm.Transmit.MaxSduSize = 9180;
	d.cm.CallMgrSpecific.Length = 4;
	NdisMoveMemory(d.cm.CallMgrSpecific.Parameters, "sap!", 4);
	cp = ndis_params_to_cp(&d.p);
	KUNIT_ASSERT_NOT_NULL(test, cp);
	KUNIT_EXPECT_EQ(test, cp->tx.max_sdu_size, 9180u);
	KUNIT_EXPECT_EQ(test, cp->media_specific_len, 0u);
	KUNIT_EXPECT_MEMEQ(test, cp->cm_specific, "sap!", 4);
	condis_call_params_free(cp);

	d.cm.CallMgrSpecific.Length = CONDIS_PARAMS_BLOB_MAX + 1;
	KUNIT_EXPECT_NULL(test, ndis_params_to_cp(&d.p));
}

/* What a driver changes in what it was given goes back; a blob of another length does not */
static void ndis_params_changes_go_back(struct kunit *test)
{
	struct condis_call_params *cp = ndis_test_cp(test);
	PCO_CALL_PARAMETERS p = ndis_params_from_cp(cp);

	KUNIT_ASSERT_NOT_NULL(test, p);
	p->Flags |= CALL_PARAMETERS_CHANGED;
	p->CallMgrParameters->Transmit.PeakBandwidth = 333;
	p->CallMgrParameters->CallMgrSpecific.Parameters[0] = 'A';
	p->MediaParameters->MediaSpecific.Length = 2;	/* shrunk: not copied */
	p->MediaParameters->MediaSpecific.Parameters[0] = 'X';
	ndis_params_back(cp, p);
	KUNIT_EXPECT_TRUE(test, cp->flags & CALL_PARAMETERS_CHANGED);
	KUNIT_EXPECT_EQ(test, cp->tx.peak_bandwidth, 333u);
	KUNIT_EXPECT_MEMEQ(test, cp->cm_specific, "Abcde", 5);
	KUNIT_EXPECT_MEMEQ(test, cp->media_specific, "xyz", 3);

	/* and condis's final values into a driver's own buffer */
	cp->rx.latency = 44;
	ndis_params_to_mine(p, cp);
	KUNIT_EXPECT_EQ(test, p->CallMgrParameters->Receive.Latency, 44u);
	ndis_params_free(p);
	condis_call_params_free(cp);
}

static void ndis_sap_both_ways(struct kunit *test)
{
	struct condis_sap_desc desc;
	union {
		CO_SAP sap;
		UCHAR b[sizeof(CO_SAP) + 80];
	} u = {};

	u.sap.SapType = 3;
	u.sap.SapLength = 6;
	NdisMoveMemory(u.sap.Sap, "svc-01", 6);
	KUNIT_ASSERT_EQ(test, ndis_sap_to_desc(&u.sap, &desc), 0);
	KUNIT_EXPECT_EQ(test, desc.sap_type, 3u);
	KUNIT_EXPECT_EQ(test, desc.len, 6u);
	KUNIT_EXPECT_MEMEQ(test, desc.sap, "svc-01", 6);
	memset(&u, 0, sizeof(u));
	KUNIT_EXPECT_GE(test, ndis_sap_size(&desc), offsetof(CO_SAP, Sap) + 6);
	ndis_sap_from_desc(&u.sap, &desc);
	KUNIT_EXPECT_MEMEQ(test, u.sap.Sap, "svc-01", 6);
	u.sap.SapLength = sizeof(desc.sap) + 1;
	KUNIT_EXPECT_EQ(test, ndis_sap_to_desc(&u.sap, &desc), -EMSGSIZE);
}

static void ndis_statuses_both_ways(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, ndis_to_condis(NDIS_STATUS_SUCCESS), 0);
	KUNIT_EXPECT_EQ(test, ndis_to_condis(NDIS_STATUS_PENDING), CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, ndis_to_condis(NDIS_STATUS_RESOURCES), -ENOMEM);
	KUNIT_EXPECT_EQ(test, ndis_to_condis(NDIS_STATUS_NOT_ACCEPTED), -EBUSY);
	KUNIT_EXPECT_EQ(test, ndis_to_condis(NDIS_STATUS_INCOMPATABLE_QOS), -EKEYREJECTED);
	KUNIT_EXPECT_EQ(test, ndis_to_condis((NDIS_STATUS)0xC0ABCDEF), -EIO);	/* unknown */
	KUNIT_EXPECT_EQ(test, ndis_from_condis(0), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ndis_from_condis(CONDIS_PENDING), NDIS_STATUS_PENDING);
	KUNIT_EXPECT_EQ(test, ndis_from_condis(-ENOLINK), NDIS_STATUS_NO_CABLE);
	KUNIT_EXPECT_EQ(test, ndis_from_condis(-EINVAL), NDIS_STATUS_INVALID_DATA);
}

/* ---- NET_BUFFER_LISTs ----------------------------------------------------------------------- */

static NDIS_HANDLE ndis_test_pool(struct kunit *test, ULONG data_size)
{
	NET_BUFFER_LIST_POOL_PARAMETERS p = {
		.Header = {
			.Type = NDIS_OBJECT_TYPE_DEFAULT,
			.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1,
			.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1,
		},
		.fAllocateNetBuffer = TRUE,
		.DataSize = data_size,
	};
	NDIS_HANDLE pool = NdisAllocateNetBufferListPool(NULL, &p);

	KUNIT_ASSERT_NOT_NULL(test, pool);
	return pool;
}

/* @s's bytes in memory of the test's, for an MDL to describe */
static char *ndis_test_bytes(struct kunit *test, const char *s)
{
	char *p = kunit_kzalloc(test, strlen(s) + 1, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	memcpy(p, s, strlen(s));
	return p;
}

/* two MDLs: "hello " and "world", the data from offset 2: "llo world" */
static void ndis_nb_of_two_mdls(struct kunit *test)
{
	char *a = ndis_test_bytes(test, "hello "), *b = ndis_test_bytes(test, "world");
	NDIS_HANDLE pool = ndis_test_pool(test, 0);
	PMDL m1 = NdisAllocateMdl(NULL, a, 6), m2 = NdisAllocateMdl(NULL, b, 5);
	PNET_BUFFER_LIST nbl;
	PNET_BUFFER nb;
	char store[16] = {};
	PUCHAR p;

	KUNIT_ASSERT_TRUE(test, m1 && m2);
	NDIS_MDL_LINKAGE(m1) = m2;
	nbl = NdisAllocateNetBufferAndNetBufferList(pool, 0, 0, m1, 2, 9);
	KUNIT_ASSERT_NOT_NULL(test, nbl);
	nb = NET_BUFFER_LIST_FIRST_NB(nbl);
	KUNIT_EXPECT_PTR_EQ(test, NdisGetPoolFromNetBufferList(nbl), pool);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_LENGTH(nb), 9u);
	KUNIT_EXPECT_PTR_EQ(test, NET_BUFFER_CURRENT_MDL(nb), m1);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_CURRENT_MDL_OFFSET(nb), 2u);

	/* contiguous: a pointer into the buffer */
	p = NdisGetDataBuffer(nb, 4, store, 1, 0);
	KUNIT_EXPECT_PTR_EQ(test, p, (PUCHAR)a + 2);
	/* across the MDLs: copied into the storage, or NULL without one */
	p = NdisGetDataBuffer(nb, 9, store, 1, 0);
	KUNIT_EXPECT_PTR_EQ(test, p, (PUCHAR)store);
	KUNIT_EXPECT_MEMEQ(test, store, "llo world", 9);
	KUNIT_EXPECT_NULL(test, NdisGetDataBuffer(nb, 9, NULL, 1, 0));
	KUNIT_EXPECT_NULL(test, NdisGetDataBuffer(nb, 10, store, 1, 0));

	/* advance into the second MDL, then retreat within the first */
	NdisAdvanceNetBufferDataStart(nb, 5, FALSE, NULL);
	KUNIT_EXPECT_PTR_EQ(test, NET_BUFFER_CURRENT_MDL(nb), m2);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_CURRENT_MDL_OFFSET(nb), 1u);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_LENGTH(nb), 4u);
	KUNIT_EXPECT_EQ(test, NdisRetreatNetBufferDataStart(nb, 7, 0, NULL), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_OFFSET(nb), 0u);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_LENGTH(nb), 11u);

	NdisFreeNetBufferList(nbl);
	NdisFreeMdl(m1);
	NdisFreeMdl(m2);
	NdisFreeNetBufferListPool(pool);
}

/*
 * A clone describes the original's data from its data start, not a copy:
 * with MDLs of its own, or sharing the original's; the info copied apart
 */
static void ndis_nbl_clone(struct kunit *test)
{
	char *a = ndis_test_bytes(test, "hello "), *b = ndis_test_bytes(test, "world");
	NDIS_HANDLE pool = ndis_test_pool(test, 0);
	PMDL m1 = NdisAllocateMdl(NULL, a, 6), m2 = NdisAllocateMdl(NULL, b, 5);
	PNET_BUFFER_LIST nbl, c;
	char store[16] = {};
	PNET_BUFFER nb;

	KUNIT_ASSERT_TRUE(test, m1 && m2);
	NDIS_MDL_LINKAGE(m1) = m2;
	nbl = NdisAllocateNetBufferAndNetBufferList(pool, 0, 0, m1, 2, 9);
	KUNIT_ASSERT_NOT_NULL(test, nbl);
	NET_BUFFER_LIST_INFO(nbl, Ieee8021QNetBufferListInfo) = (PVOID)(ULONG_PTR)42;

	c = NdisAllocateCloneNetBufferList(nbl, NULL, NULL, 0);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_PTR_EQ(test, c->ParentNetBufferList, nbl);
	KUNIT_EXPECT_NULL(test, NET_BUFFER_LIST_INFO(c, Ieee8021QNetBufferListInfo));
	nb = NET_BUFFER_LIST_FIRST_NB(c);
	KUNIT_ASSERT_NOT_NULL(test, nb);
	KUNIT_EXPECT_NULL(test, NET_BUFFER_NEXT_NB(nb));
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_OFFSET(nb), 0u);	/* from the data start */
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_LENGTH(nb), 9u);
	KUNIT_EXPECT_PTR_NE(test, NET_BUFFER_FIRST_MDL(nb), m1);
	KUNIT_EXPECT_PTR_EQ(test, NdisGetDataBuffer(nb, 4, NULL, 1, 0), (PVOID)(a + 2));
	KUNIT_EXPECT_PTR_EQ(test, NdisGetDataBuffer(nb, 9, store, 1, 0), (PVOID)store);
	KUNIT_EXPECT_MEMEQ(test, store, "llo world", 9);
	NdisCopySendNetBufferListInfo(c, nbl);
	KUNIT_EXPECT_PTR_EQ(test, NET_BUFFER_LIST_INFO(c, Ieee8021QNetBufferListInfo),
			    (PVOID)(ULONG_PTR)42);
	NdisFreeCloneNetBufferList(c, 0);

	c = NdisAllocateCloneNetBufferList(nbl, pool, NULL, NDIS_CLONE_FLAGS_USE_ORIGINAL_MDLS);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_PTR_EQ(test, NdisGetPoolFromNetBufferList(c), pool);
	nb = NET_BUFFER_LIST_FIRST_NB(c);
	KUNIT_EXPECT_PTR_EQ(test, NET_BUFFER_FIRST_MDL(nb), m1);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_OFFSET(nb), 2u);
	NdisAdvanceNetBufferDataStart(nb, 4, FALSE, NULL);	/* the original's stays */
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_OFFSET(NET_BUFFER_LIST_FIRST_NB(nbl)), 2u);
	KUNIT_EXPECT_PTR_EQ(test, NdisGetDataBuffer(nb, 5, NULL, 1, 0), (PVOID)b);
	NdisCopyReceiveNetBufferListInfo(c, nbl);
	KUNIT_EXPECT_PTR_EQ(test, NET_BUFFER_LIST_INFO(c, Ieee8021QNetBufferListInfo),
			    (PVOID)(ULONG_PTR)42);
	NdisFreeCloneNetBufferList(c, NDIS_CLONE_FLAGS_USE_ORIGINAL_MDLS);

	NdisFreeNetBufferList(nbl);
	NdisFreeMdl(m1);
	NdisFreeMdl(m2);
	NdisFreeNetBufferListPool(pool);
}

/* retreating past the chain's start prepends an MDL of its own */
static void ndis_nb_retreat_allocates(struct kunit *test)
{
	char *a = ndis_test_bytes(test, "payload");
	NDIS_HANDLE pool = ndis_test_pool(test, 0);
	PMDL m = NdisAllocateMdl(NULL, a, 7), head;
	PNET_BUFFER_LIST nbl = NdisAllocateNetBufferAndNetBufferList(pool, 0, 0, m, 0, 7);
	PNET_BUFFER nb = NET_BUFFER_LIST_FIRST_NB(nbl);
	char store[16];
	PUCHAR hdr;

	KUNIT_ASSERT_EQ(test, NdisRetreatNetBufferDataStart(nb, 4, 8, NULL), NDIS_STATUS_SUCCESS);
	head = NET_BUFFER_FIRST_MDL(nb);
	KUNIT_EXPECT_PTR_NE(test, head, m);
	KUNIT_EXPECT_PTR_EQ(test, NDIS_MDL_LINKAGE(head), m);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_OFFSET(nb), 8u);	/* the backfill */
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_LENGTH(nb), 11u);
	hdr = NdisGetDataBuffer(nb, 4, NULL, 1, 0);
	KUNIT_ASSERT_NOT_NULL(test, hdr);
	memcpy(hdr, "HDR:", 4);
	KUNIT_ASSERT_NOT_NULL(test, NdisGetDataBuffer(nb, 11, store, 1, 0));
	KUNIT_EXPECT_MEMEQ(test, store, "HDR:payload", 11);
	kfree(head->MappedSystemVa);
	NdisFreeMdl(head);
	NdisFreeNetBufferList(nbl);
	NdisFreeMdl(m);
	NdisFreeNetBufferListPool(pool);
}

/* a copy between NET_BUFFERs of other MDL layouts; pool data in an sk_buff */
static void ndis_nb_copy_and_pool_data(struct kunit *test)
{
	char *a = ndis_test_bytes(test, "0123"), *b = ndis_test_bytes(test, "456789");
	NDIS_HANDLE pool = ndis_test_pool(test, 0), data = ndis_test_pool(test, 64);
	PMDL m1 = NdisAllocateMdl(NULL, a, 4), m2 = NdisAllocateMdl(NULL, b, 6);
	PNET_BUFFER_LIST src, dst;
	char store[16];
	ULONG copied;
	PUCHAR p;

	NDIS_MDL_LINKAGE(m1) = m2;
	src = NdisAllocateNetBufferAndNetBufferList(pool, 0, 0, m1, 0, 10);
	dst = NdisAllocateNetBufferList(data, 0, 0);
	KUNIT_ASSERT_TRUE(test, src && dst);
	KUNIT_ASSERT_NOT_NULL(test, NET_BUFFER_LIST_FIRST_NB(dst)->NdisReserved[1]);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_LENGTH(NET_BUFFER_LIST_FIRST_NB(dst)), 64u);
	KUNIT_EXPECT_EQ(test, NdisCopyFromNetBufferToNetBuffer(NET_BUFFER_LIST_FIRST_NB(dst), 1,
							       8, NET_BUFFER_LIST_FIRST_NB(src), 2,
							       &copied),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, copied, 8u);
	p = NdisGetDataBuffer(NET_BUFFER_LIST_FIRST_NB(dst), 9, store, 1, 0);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_PTR_NE(test, p, (PUCHAR)store);	/* pool data: contiguous */
	KUNIT_EXPECT_MEMEQ(test, p + 1, "23456789", 8);
	NdisFreeNetBufferList(dst);
	NdisFreeNetBufferList(src);
	NdisFreeMdl(m1);
	NdisFreeMdl(m2);
	NdisFreeNetBufferListPool(data);
	NdisFreeNetBufferListPool(pool);
}

/* context bytes before the data start, backfill used first */
static void ndis_nbl_contexts(struct kunit *test)
{
	NDIS_HANDLE pool = ndis_test_pool(test, 0);
	PNET_BUFFER_LIST nbl = NdisAllocateNetBufferList(pool, 16, 16);
	PUCHAR first;

	KUNIT_ASSERT_NOT_NULL(test, nbl);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_LIST_CONTEXT_DATA_SIZE(nbl), 16);
	first = NET_BUFFER_LIST_CONTEXT_DATA_START(nbl);
	KUNIT_EXPECT_EQ(test, NdisAllocateNetBufferListContext(nbl, 8, 0, 0),
			NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_PTR_EQ(test, NET_BUFFER_LIST_CONTEXT_DATA_START(nbl), first - 8);
	KUNIT_EXPECT_EQ(test, NdisAllocateNetBufferListContext(nbl, 32, 0, 0),
			NDIS_STATUS_SUCCESS);	/* more than the backfill: a new block */
	KUNIT_EXPECT_EQ(test, NET_BUFFER_LIST_CONTEXT_DATA_SIZE(nbl), 32);
	NdisFreeNetBufferListContext(nbl, 32);
	KUNIT_EXPECT_PTR_EQ(test, NET_BUFFER_LIST_CONTEXT_DATA_START(nbl), first - 8);
	NdisFreeNetBufferListContext(nbl, 8);
	KUNIT_EXPECT_PTR_EQ(test, NET_BUFFER_LIST_CONTEXT_DATA_START(nbl), first);
	NdisFreeNetBufferList(nbl);
	NdisFreeNetBufferListPool(pool);
}

/* the configuration: NDIS's predefined keywords, nothing else */
static void ndis_configuration(struct kunit *test)
{
	static const WCHAR version[] = { 'n', 'd', 'i', 's', 'V', 'E', 'R', 's', 'i', 'o', 'n', 0 };
	static const WCHAR other[] = { 'M', 'a', 'x', 'V', 'c', 's', 0 };
	NDIS_CONFIGURATION_OBJECT obj = {};
	PNDIS_CONFIGURATION_PARAMETER p;
	NDIS_STRING key;
	NDIS_HANDLE h;
	NDIS_STATUS st;

	KUNIT_EXPECT_EQ(test, NdisOpenConfigurationEx(&obj, &h), NDIS_STATUS_INVALID_PARAMETER);
	obj.Header.Type = NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT;
	obj.Header.Revision = NDIS_CONFIGURATION_OBJECT_REVISION_1;
	obj.Header.Size = NDIS_SIZEOF_CONFIGURATION_OBJECT_REVISION_1;
	KUNIT_ASSERT_EQ(test, NdisOpenConfigurationEx(&obj, &h), NDIS_STATUS_SUCCESS);
	NdisInitUnicodeString(&key, version);
	NdisReadConfiguration(&st, &p, h, &key, NdisParameterInteger);
	KUNIT_EXPECT_EQ(test, st, NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, p->ParameterType, NdisParameterInteger);
	KUNIT_EXPECT_EQ(test, p->ParameterData.IntegerData, (ULONG)NdisGetVersion());
	RtlInitUnicodeString(&key, other);
	NdisReadConfiguration(&st, &p, h, &key, NdisParameterInteger);
	KUNIT_EXPECT_EQ(test, st, NDIS_STATUS_FAILURE);	/* the driver's default then */
	KUNIT_EXPECT_NULL(test, p);
	NdisCloseConfiguration(h);
	KUNIT_EXPECT_EQ(test, RtlCompareMemory("abcd", "abxd", 4), (SIZE_T)2);
	KUNIT_EXPECT_EQ(test, RtlCompareMemory("abcd", "abcd", 4), (SIZE_T)4);
}

/*
 * Whether a writer, or a reader, could take the lock now: read from its
 * qrwlock word (a trylock here is what sparse cannot follow)
 */
static bool ndis_rw_free(rwlock_t *lock)
{
	return atomic_read(&lock->raw_lock.cnts) == 0;
}

static bool ndis_rw_readable(rwlock_t *lock)
{
	return !(atomic_read(&lock->raw_lock.cnts) & _QW_WMASK);
}

/*
 * NDIS_RW_LOCK_EX and NDIS_RW_LOCK: held at DISPATCH_LEVEL; readers share,
 * the same reader again too; a writer keeps readers out.
 */
static void ndis_rw_locks(struct kunit *test)
{
	PNDIS_RW_LOCK_EX l = NdisAllocateRWLock(NULL);
	LOCK_STATE_EX a, b;
	NDIS_RW_LOCK old;
	LOCK_STATE s, t;

	KUNIT_ASSERT_NOT_NULL(test, l);
	NdisAcquireRWLockRead(l, &a, 0);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), DISPATCH_LEVEL);
	NdisAcquireRWLockRead(l, &b, NDIS_RWL_AT_DISPATCH_LEVEL);
	KUNIT_EXPECT_FALSE(test, ndis_rw_free(&l->Lock));
	NdisReleaseRWLock(l, &b);
	NdisReleaseRWLock(l, &a);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	NdisAcquireRWLockWrite(l, &a, 0);
	KUNIT_EXPECT_FALSE(test, ndis_rw_readable(&l->Lock));
	NdisReleaseRWLock(l, &a);
	KUNIT_EXPECT_TRUE(test, ndis_rw_free(&l->Lock));
	NdisFreeRWLock(l);

	NdisInitializeReadWriteLock(&old);
	NdisAcquireReadWriteLock(&old, FALSE, &s);
	NdisDprAcquireReadWriteLock(&old, FALSE, &t);
	KUNIT_EXPECT_FALSE(test, ndis_rw_free(&old.Lock));
	NdisDprReleaseReadWriteLock(&old, &t);
	NdisReleaseReadWriteLock(&old, &s);
	NdisAcquireReadWriteLock(&old, TRUE, &s);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), DISPATCH_LEVEL);
	KUNIT_EXPECT_FALSE(test, ndis_rw_readable(&old.Lock));
	NdisReleaseReadWriteLock(&old, &s);
	KUNIT_EXPECT_TRUE(test, ndis_rw_free(&old.Lock));
}

static struct kunit_case ndis_cases[] = {
	KUNIT_CASE(ndis_params_round_trip),
	KUNIT_CASE(ndis_params_of_a_driver),
	KUNIT_CASE(ndis_params_changes_go_back),
	KUNIT_CASE(ndis_sap_both_ways),
	KUNIT_CASE(ndis_statuses_both_ways),
	KUNIT_CASE(ndis_nb_of_two_mdls),
	KUNIT_CASE(ndis_nbl_clone),
	KUNIT_CASE(ndis_nb_retreat_allocates),
	KUNIT_CASE(ndis_nb_copy_and_pool_data),
	KUNIT_CASE(ndis_nbl_contexts),
	KUNIT_CASE(ndis_configuration),
	KUNIT_CASE(ndis_rw_locks),
	{}
};

static struct kunit_suite ndis_suite = {
	.name = "condis_ndis",
	.test_cases = ndis_cases,
};

kunit_test_suite(ndis_suite);
MODULE_DESCRIPTION("KUnit: the condis NDIS library's boundary and buffers");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
