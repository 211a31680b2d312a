// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the NDIS support routines a driver written to the DDK calls
 * beyond CoNDIS: generic objects as handles, strings, mutexes, the
 * interlocked lists and operations, processors, the Ethernet address
 * macros, the configuration a driver writes, and the kernel's (WDM)
 * routines and macros DDK code uses too.
 */
#include <kunit/test.h>
#include "lib.h"

/* 'tseT' (a multi-character constant is what a driver writes; sparse warns of it) */
#define NDIS_TEST_TAG	0x74736554

/* a generic object is an NDIS handle: pools and memory take it */
static void ndis_generic_object(struct kunit *test)
{
	NET_BUFFER_LIST_POOL_PARAMETERS pp = {
		.Header = {
			.Type = NDIS_OBJECT_TYPE_DEFAULT,
			.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1,
			.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1,
		},
		.fAllocateNetBuffer = TRUE,
		.DataSize = 64,
	};
	PNDIS_GENERIC_OBJECT o = NdisAllocateGenericObject(NULL, NDIS_TEST_TAG, 24);
	NDIS_HANDLE pool;
	PUCHAR mine;
	PVOID mem;

	KUNIT_ASSERT_NOT_NULL(test, o);
	KUNIT_EXPECT_EQ(test, o->Header.Revision, NDIS_GENERIC_OBJECT_REVISION_1);
	KUNIT_EXPECT_EQ(test, o->Header.Size, (USHORT)sizeof(NDIS_GENERIC_OBJECT));
	KUNIT_EXPECT_NULL(test, o->DriverObject);
	mine = (PUCHAR)(o + 1);		/* the caller's 24 bytes, zeroed */
	KUNIT_EXPECT_EQ(test, mine[0] | mine[23], 0);
	NdisFillMemory(mine, 24, 0x5a);
	pool = NdisAllocateNetBufferListPool(o, &pp);
	KUNIT_ASSERT_NOT_NULL(test, pool);
	mem = NdisAllocateMemoryWithTagPriority(o, 32, NDIS_TEST_TAG, NormalPoolPriority);
	KUNIT_EXPECT_NOT_NULL(test, mem);
	NdisFreeMemoryWithTagPriority(o, mem, NDIS_TEST_TAG);
	NdisFreeNetBufferListPool(pool);
	NdisFreeGenericObject(o);
}

/* NdisInitializeString allocates; the conversions fill the caller's buffer */
static void ndis_strings(struct kunit *test)
{
	static const WCHAR wide[] = { 'M', 0x00e9, 'd', 0x4e2d, 0 };
	NDIS_ANSI_STRING a;
	NDIS_STRING s, w;
	WCHAR wbuf[8];
	CHAR abuf[8];

	NdisInitializeString(&s, (PUCHAR)"Parameters");
	KUNIT_ASSERT_NOT_NULL(test, s.Buffer);
	KUNIT_EXPECT_EQ(test, s.Length, 10 * sizeof(WCHAR));
	KUNIT_EXPECT_EQ(test, s.MaximumLength, 11 * sizeof(WCHAR));
	KUNIT_EXPECT_EQ(test, s.Buffer[9], (WCHAR)'s');
	KUNIT_EXPECT_EQ(test, s.Buffer[10], (WCHAR)0);

	NdisInitAnsiString(&a, "Parameters");
	w.Buffer = wbuf;
	w.Length = 0;
	w.MaximumLength = sizeof(wbuf);
	/* 10 characters need 20 bytes: refused, unchanged */
	KUNIT_EXPECT_EQ(test, NdisAnsiStringToUnicodeString(&w, &a), NDIS_STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, w.Length, 0);
	NdisInitAnsiString(&a, "Param");
	KUNIT_EXPECT_EQ(test, NdisAnsiStringToUnicodeString(&w, &a), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, w.Length, 5 * sizeof(WCHAR));
	KUNIT_EXPECT_TRUE(test, NdisEqualString(&w, &(NDIS_STRING){ 10, 10, s.Buffer }, FALSE));
	NdisFreeString(s);

	NdisInitUnicodeString(&w, wide);
	a.Buffer = abuf;
	a.Length = 0;
	a.MaximumLength = 3;
	KUNIT_EXPECT_EQ(test, NdisUnicodeStringToAnsiString(&a, &w), NDIS_STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, a.Length, 0);
	a.MaximumLength = sizeof(abuf);
	KUNIT_EXPECT_EQ(test, NdisUnicodeStringToAnsiString(&a, &w), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, a.Length, 4);
	KUNIT_EXPECT_MEMEQ(test, abuf, "M\xe9\x64?", 4);
}

/*
 * The mutex, the kernel's spin locks (DISPATCH_LEVEL while held), the
 * single and interlocked lists, the interlocked operations
 */
static void ndis_sync_objects(struct kunit *test)
{
	SINGLE_LIST_ENTRY head = {}, e[3];
	SLIST_ENTRY se[2];
	SLIST_HEADER sh;
	NDIS_SPIN_LOCK lock;
	KSPIN_LOCK klock;
	NDIS_MUTEX mutex;
	LONG64 big = 1;
	LONG v = 0xf0;
	KIRQL irql;

	NDIS_INIT_MUTEX(&mutex);
	KUNIT_EXPECT_EQ(test, NDIS_WAIT_FOR_MUTEX(&mutex), STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, mutex_is_locked(&mutex.Mutex));
	NDIS_RELEASE_MUTEX(&mutex);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&mutex.Mutex));

	KeInitializeSpinLock(&klock);
	KeAcquireSpinLock(&klock, &irql);
	KUNIT_EXPECT_EQ(test, irql, PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), DISPATCH_LEVEL);
	KeReleaseSpinLock(&klock, irql);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	irql = KeAcquireSpinLockRaiseToDpc(&klock);
	KUNIT_EXPECT_EQ(test, irql, PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), DISPATCH_LEVEL);
	KeReleaseSpinLock(&klock, irql);
	local_bh_disable();		/* a DPC's */
	KeAcquireSpinLockAtDpcLevel(&klock);
	KeReleaseSpinLockFromDpcLevel(&klock);
	local_bh_enable();

	NdisAllocateSpinLock(&lock);
	KUNIT_EXPECT_NULL(test, NdisInterlockedPushEntryList(&head, &e[0], &lock));
	KUNIT_EXPECT_PTR_EQ(test, NdisInterlockedPushEntryList(&head, &e[1], &lock), &e[0]);
	PushEntryList(&head, &e[2]);
	KUNIT_EXPECT_PTR_EQ(test, NdisInterlockedPopEntryList(&head, &lock), &e[2]);
	KUNIT_EXPECT_PTR_EQ(test, PopEntryList(&head), &e[1]);
	KUNIT_EXPECT_PTR_EQ(test, PopEntryList(&head), &e[0]);
	KUNIT_EXPECT_NULL(test, NdisInterlockedPopEntryList(&head, &lock));
	NdisFreeSpinLock(&lock);

	NdisInitializeSListHead(&sh);
	KUNIT_EXPECT_EQ(test, NdisQueryDepthSList(&sh), 0);
	KUNIT_EXPECT_NULL(test, NdisInterlockedPushEntrySList(&sh, &se[0], NULL));
	KUNIT_EXPECT_PTR_EQ(test, NdisInterlockedPushEntrySList(&sh, &se[1], NULL), &se[0]);
	KUNIT_EXPECT_EQ(test, NdisQueryDepthSList(&sh), 2);
	local_bh_disable();		/* any IRQL */
	KUNIT_EXPECT_PTR_EQ(test, NdisInterlockedPopEntrySList(&sh, NULL), &se[1]);
	local_bh_enable();
	KUNIT_EXPECT_PTR_EQ(test, NdisInterlockedPopEntrySList(&sh, NULL), &se[0]);
	KUNIT_EXPECT_NULL(test, NdisInterlockedPopEntrySList(&sh, NULL));
	KUNIT_EXPECT_EQ(test, NdisQueryDepthSList(&sh), 0);

	/* each returns the value before, but InterlockedAdd (after) */
	KUNIT_EXPECT_EQ(test, InterlockedAnd(&v, 0x3c), 0xf0);
	KUNIT_EXPECT_EQ(test, v, 0x30);
	KUNIT_EXPECT_EQ(test, InterlockedOr(&v, 0x01), 0x30);
	KUNIT_EXPECT_EQ(test, InterlockedXor(&v, 0x11), 0x31);
	KUNIT_EXPECT_EQ(test, v, 0x20);
	KUNIT_EXPECT_EQ(test, InterlockedAdd(&v, 2), 0x22);
	KUNIT_EXPECT_EQ(test, InterlockedIncrement64(&big), 2);
	KUNIT_EXPECT_EQ(test, InterlockedAdd64(&big, 1LL << 40), (1LL << 40) + 2);
	KUNIT_EXPECT_EQ(test, InterlockedExchangeAdd64(&big, -2), (1LL << 40) + 2);
	KUNIT_EXPECT_EQ(test, InterlockedDecrement64(&big), (1LL << 40) - 1);
}

/* one processor group: Linux's CPUs; the address macros */
static void ndis_processors_and_addresses(struct kunit *test)
{
	static const UCHAR bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	static const UCHAR mcast[6] = { 0x01, 0x00, 0x5e, 0, 0, 1 };
	static const UCHAR ucast[6] = { 0x02, 0, 0, 0, 0, 1 };
	ULONG cpu;
	INT r;

	KUNIT_EXPECT_EQ(test, NdisSystemProcessorCount(), (CCHAR)num_online_cpus());
	KUNIT_EXPECT_EQ(test, NdisActiveGroupCount(), 1);
	KUNIT_EXPECT_EQ(test, NdisMaxGroupCount(), 1);
	KUNIT_EXPECT_EQ(test, NdisGroupActiveProcessorCount(0), num_online_cpus());
	KUNIT_EXPECT_EQ(test, NdisGroupActiveProcessorCount(ALL_PROCESSOR_GROUPS),
			num_online_cpus());
	KUNIT_EXPECT_EQ(test, NdisGroupActiveProcessorCount(1), 0u);
	KUNIT_EXPECT_GE(test, NdisGroupMaxProcessorCount(0), NdisGroupActiveProcessorCount(0));
	cpu = KeGetCurrentProcessorNumber();
	KUNIT_EXPECT_LT(test, cpu, NdisGroupMaxProcessorCount(0));

	KUNIT_EXPECT_TRUE(test, ETH_IS_BROADCAST(bcast));
	KUNIT_EXPECT_FALSE(test, ETH_IS_BROADCAST(mcast));
	KUNIT_EXPECT_TRUE(test, ETH_IS_MULTICAST(mcast));
	KUNIT_EXPECT_TRUE(test, ETH_IS_MULTICAST(bcast));
	KUNIT_EXPECT_FALSE(test, ETH_IS_MULTICAST(ucast));
	ETH_COMPARE_NETWORK_ADDRESSES_EQ(ucast, ucast, &r);
	KUNIT_EXPECT_EQ(test, r, 0);
	ETH_COMPARE_NETWORK_ADDRESSES_EQ(ucast, mcast, &r);
	KUNIT_EXPECT_EQ(test, r, 1);
}

/*
 * What a driver writes it reads back through the same handle, the newest
 * value first; a subkey by name is empty, none by index; no NetworkAddress
 */
static void ndis_configuration_writes(struct kunit *test)
{
	static const WCHAR name[] = { 'B', 'a', 'c', 'k', 'o', 'f', 'f', 0 };
	static const WCHAR NAME[] = { 'B', 'A', 'C', 'K', 'O', 'F', 'F', 0 };
	static const WCHAR peer[] = { 'P', 'e', 'e', 'r', 0 };
	NDIS_CONFIGURATION_OBJECT obj = {
		.Header = {
			.Type = NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT,
			.Revision = NDIS_CONFIGURATION_OBJECT_REVISION_1,
			.Size = NDIS_SIZEOF_CONFIGURATION_OBJECT_REVISION_1,
		},
	};
	NDIS_CONFIGURATION_PARAMETER in = { .ParameterType = NdisParameterInteger };
	PNDIS_CONFIGURATION_PARAMETER out;
	NDIS_HANDLE h, sub;
	NDIS_STRING key, k2;
	NDIS_STATUS st;
	PVOID addr;
	UINT len;

	KUNIT_ASSERT_EQ(test, NdisOpenConfigurationEx(&obj, &h), NDIS_STATUS_SUCCESS);
	NdisInitUnicodeString(&key, name);
	in.ParameterData.IntegerData = 7;
	NdisWriteConfiguration(&st, h, &key, &in);
	KUNIT_EXPECT_EQ(test, st, NDIS_STATUS_SUCCESS);
	in.ParameterData.IntegerData = 9;
	NdisWriteConfiguration(&st, h, &key, &in);
	NdisInitUnicodeString(&k2, NAME);	/* registry names: any case */
	NdisReadConfiguration(&st, &out, h, &k2, NdisParameterInteger);
	KUNIT_EXPECT_EQ(test, st, NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_NOT_NULL(test, out);
	KUNIT_EXPECT_EQ(test, out->ParameterData.IntegerData, 9u);

	in.ParameterType = NdisParameterString;
	NdisInitUnicodeString(&in.ParameterData.StringData, peer);
	NdisInitUnicodeString(&k2, peer);
	NdisWriteConfiguration(&st, h, &k2, &in);
	KUNIT_EXPECT_EQ(test, st, NDIS_STATUS_SUCCESS);
	NdisReadConfiguration(&st, &out, h, &k2, NdisParameterString);
	KUNIT_ASSERT_NOT_NULL(test, out);
	KUNIT_EXPECT_PTR_NE(test, out->ParameterData.StringData.Buffer, (PWSTR)peer);
	KUNIT_EXPECT_TRUE(test, NdisEqualString(&out->ParameterData.StringData, &k2, FALSE));
	in.ParameterType = 42;
	NdisWriteConfiguration(&st, h, &k2, &in);
	KUNIT_EXPECT_EQ(test, st, NDIS_STATUS_NOT_SUPPORTED);

	NdisOpenConfigurationKeyByName(&st, h, &k2, &sub);
	KUNIT_EXPECT_EQ(test, st, NDIS_STATUS_SUCCESS);
	KUNIT_ASSERT_NOT_NULL(test, sub);
	NdisReadConfiguration(&st, &out, sub, &key, NdisParameterInteger);
	KUNIT_EXPECT_EQ(test, st, NDIS_STATUS_FAILURE);
	NdisCloseConfiguration(sub);
	NdisOpenConfigurationKeyByIndex(&st, h, 0, &k2, &sub);
	KUNIT_EXPECT_EQ(test, st, NDIS_STATUS_FAILURE);
	NdisReadNetworkAddress(&st, &addr, &len, h);
	KUNIT_EXPECT_EQ(test, st, NDIS_STATUS_FAILURE);
	KUNIT_EXPECT_EQ(test, len, 0u);
	NdisCloseConfiguration(h);
}

/* what DDK code writes beyond NDIS: MSVC's pragmas, typed contexts, C_ASSERT */
#pragma warning(disable:4201)
NDIS_DECLARE_PROTOCOL_DRIVER_CONTEXT(NDIS_GENERIC_OBJECT);
C_ASSERT(sizeof(SLIST_HEADER) == 16);

/*
 * The kernel's pool (ExAllocatePool2 zeroes), flags, counted strings of
 * literals and their copy, the performance counter
 */
static void ndis_wdm_routines(struct kunit *test)
{
	static const char abc[] = "abc";
	UNICODE_STRING name = RTL_CONSTANT_STRING(L"Parameters");	/* 16-bit: -fshort-wchar */
	ANSI_STRING a = RTL_CONSTANT_STRING(abc);
	LARGE_INTEGER f, t0, t1;
	UNICODE_STRING copy;
	WCHAR buf[4];
	PUCHAR p;
	ULONG fl = 0;

	p = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, NDIS_TEST_TAG);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, p[0] | p[63], 0);
	ExFreePoolWithTag(p, NDIS_TEST_TAG);
	p = ExAllocatePoolWithTag(NonPagedPoolNx, 8, NDIS_TEST_TAG);
	KUNIT_EXPECT_NOT_NULL(test, p);
	ExFreePool(p);

	SetFlag(fl, 0x6);
	ClearFlag(fl, 0x2);
	KUNIT_EXPECT_EQ(test, fl, 0x4u);
	KUNIT_EXPECT_EQ(test, FlagOn(fl, 0x5), 0x4u);
	KUNIT_EXPECT_EQ(test, BooleanFlagOn(fl, 0x4), TRUE);
	KUNIT_EXPECT_EQ(test, RTL_NUMBER_OF(buf), 4u);
	KUNIT_EXPECT_TRUE(test, NT_VERIFY(fl == 4));

	KUNIT_EXPECT_EQ(test, a.Length, 3);
	KUNIT_EXPECT_EQ(test, a.MaximumLength, 4);
	KUNIT_EXPECT_EQ(test, name.Length, 10 * sizeof(WCHAR));
	copy.Buffer = buf;
	copy.MaximumLength = sizeof(buf);
	RtlCopyUnicodeString(&copy, &name);	/* what fits: 4 characters, no NUL */
	KUNIT_EXPECT_EQ(test, copy.Length, sizeof(buf));
	KUNIT_EXPECT_EQ(test, buf[3], (WCHAR)'a');
	KUNIT_EXPECT_FALSE(test, RtlEqualUnicodeString(&copy, &name, TRUE));
	copy.Length = 0;
	copy.MaximumLength = 0;
	RtlCopyUnicodeString(&copy, NULL);
	KUNIT_EXPECT_EQ(test, copy.Length, 0);

	t0 = KeQueryPerformanceCounter(&f);
	KeStallExecutionProcessor(10);
	t1 = KeQueryPerformanceCounter(NULL);
	KUNIT_EXPECT_EQ(test, f.QuadPart, (LONGLONG)NSEC_PER_SEC);
	KUNIT_EXPECT_GE(test, t1.QuadPart, t0.QuadPart);	/* a counter; how far, udelay's affair */
}

static struct kunit_case ndis_support_cases[] = {
	KUNIT_CASE(ndis_generic_object),
	KUNIT_CASE(ndis_strings),
	KUNIT_CASE(ndis_sync_objects),
	KUNIT_CASE(ndis_processors_and_addresses),
	KUNIT_CASE(ndis_configuration_writes),
	KUNIT_CASE(ndis_wdm_routines),
	{}
};

static struct kunit_suite ndis_support_suite = {
	.name = "condis_ndis_support",
	.test_cases = ndis_support_cases,
};

kunit_test_suite(ndis_support_suite);
