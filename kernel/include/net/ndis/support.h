/* SPDX-License-Identifier: GPL-2.0 */
/*
 * net/ndis/support.h - the NDIS support routines CoNDIS drivers call:
 * memory (tagged, lookaside lists), spin locks and their Dpr variants,
 * events, timer objects, I/O work items, interlocked operations, memory
 * and string helpers, time and delays.
 *
 * IRQL maps onto Linux contexts: PASSIVE_LEVEL is process context,
 * DISPATCH_LEVEL is softirq or a section with bottom halves or interrupts
 * off. Memory is never paged: every allocation is GFP_ATOMIC, as NDIS's
 * nonpaged pool may be allocated at DISPATCH_LEVEL. A spin lock, taken
 * with NdisAcquireSpinLock or its Dpr variant, disables bottom halves (the
 * DDK raises to DISPATCH_LEVEL).
 */
#ifndef _NET_NDIS_SUPPORT_H
#define _NET_NDIS_SUPPORT_H

#include <linux/atomic.h>
#include <linux/bottom_half.h>
#include <linux/container_of.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/mutex.h>
#include <linux/preempt.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/wait.h>
#include <net/ndis/types.h>

/* ---- IRQL ------------------------------------------------------------------------ */

/*
 * KeGetCurrentIrql - DISPATCH_LEVEL in softirq, in a hard interrupt and in
 * a section with preemption, bottom halves or interrupts off (a spin lock
 * held); PASSIVE_LEVEL in process context. A kernel without
 * CONFIG_PREEMPT_COUNT cannot tell a spin-locked section: there it is
 * always DISPATCH_LEVEL (Debian's kernels count).
 */
static inline KIRQL KeGetCurrentIrql(void)
{
	return preemptible() ? PASSIVE_LEVEL : DISPATCH_LEVEL;
}

#define NDIS_CURRENT_IRQL()	KeGetCurrentIrql()

/*
 * NDIS_RAISE_IRQL_TO_DISPATCH, NDIS_LOWER_IRQL: bottom halves off and on
 * again (nested: a lower for each raise), with interrupts on
 */
#define NDIS_RAISE_IRQL_TO_DISPATCH(_pIrql_)	\
	do { *(_pIrql_) = KeGetCurrentIrql(); local_bh_disable(); } while (0)
#define NDIS_LOWER_IRQL(_OldIrql_, _CurIrql_)	local_bh_enable()

/* ---- memory ---------------------------------------------------------------------- */

typedef enum _EX_POOL_PRIORITY {
	LowPoolPriority,
	LowPoolPrioritySpecialPoolOverrun = 8,
	LowPoolPrioritySpecialPoolUnderrun = 9,
	NormalPoolPriority = 16,
	NormalPoolPrioritySpecialPoolOverrun = 24,
	NormalPoolPrioritySpecialPoolUnderrun = 25,
	HighPoolPriority = 32,
	HighPoolPrioritySpecialPoolOverrun = 40,
	HighPoolPrioritySpecialPoolUnderrun = 41,
} EX_POOL_PRIORITY;

#define MdlMappingNoExecute	0x40000000
#define MdlMappingNoWrite	0x80000000

/* NdisAllocateMemoryWithTagPriority: NULL when it fails (any IRQL) */
PVOID NdisAllocateMemoryWithTagPriority(NDIS_HANDLE NdisHandle, UINT Length, ULONG Tag,
					EX_POOL_PRIORITY Priority);
VOID NdisFreeMemoryWithTagPriority(NDIS_HANDLE NdisHandle, PVOID VirtualAddress, ULONG Tag);
NDIS_STATUS NdisAllocateMemoryWithTag(PVOID *VirtualAddress, UINT Length, ULONG Tag);

/* the kernel's pool, as DDK code also calls it: never paged here either */
typedef enum _POOL_TYPE {
	NonPagedPool,
	NonPagedPoolExecute = NonPagedPool,
	PagedPool,
	NonPagedPoolNx = 512,
} POOL_TYPE;

#define POOL_FLAG_NON_PAGED		0x0000000000000040ULL
#define POOL_FLAG_PAGED			0x0000000000000100ULL
#define POOL_FLAG_UNINITIALIZED		0x0000000000000002ULL
#define ExAllocatePoolWithTag(PoolType, NumberOfBytes, Tag) \
	kmalloc((NumberOfBytes), GFP_ATOMIC | __GFP_NOWARN)
/* ExAllocatePool2 zeroes, unless POOL_FLAG_UNINITIALIZED */
#define ExAllocatePool2(Flags, NumberOfBytes, Tag) \
	kmalloc((NumberOfBytes), GFP_ATOMIC | __GFP_NOWARN | \
		(((Flags) & POOL_FLAG_UNINITIALIZED) ? 0 : __GFP_ZERO))
#define ExFreePoolWithTag(P, Tag)	kfree(P)
#define ExFreePool(P)			kfree(P)
VOID NdisFreeMemoryWithTag(PVOID VirtualAddress, ULONG Tag);
VOID NdisFreeMemory(PVOID VirtualAddress, UINT Length, UINT MemoryFlags);

/*
 * The DDK's structures end in one-element arrays that hold more (CO_SAP's
 * Sap, CO_SPECIFIC_PARAMETERS' Parameters): the compiler's builtins copy
 * into them, not the kernel's fortified memcpy, which would take them for
 * one byte.
 */
#define NdisZeroMemory(Destination, Length)	__builtin_memset((Destination), 0, (Length))
#define NdisFillMemory(Destination, Length, Fill) __builtin_memset((Destination), (Fill), (Length))
#define NdisMoveMemory(Destination, Source, Length) \
	__builtin_memmove((Destination), (Source), (Length))
#define NdisEqualMemory(Source1, Source2, Length) (!__builtin_memcmp((Source1), (Source2), (Length)))
#define NdisZeroMappedMemory(Destination, Length) __builtin_memset((Destination), 0, (Length))
#define RtlZeroMemory(Destination, Length)	__builtin_memset((Destination), 0, (Length))
#define RtlCopyMemory(Destination, Source, Length) \
	__builtin_memcpy((Destination), (Source), (Length))
#define RtlMoveMemory(Destination, Source, Length) \
	__builtin_memmove((Destination), (Source), (Length))
#define RtlEqualMemory(Source1, Source2, Length) (!__builtin_memcmp((Source1), (Source2), (Length)))
#define RtlFillMemory(Destination, Length, Fill) __builtin_memset((Destination), (Fill), (Length))

/* RtlCompareMemory - how many bytes from the start are equal */
static inline SIZE_T RtlCompareMemory(const VOID *Source1, const VOID *Source2, SIZE_T Length)
{
	const UCHAR *a = Source1, *b = Source2;
	SIZE_T n = 0;

	while (n < Length && a[n] == b[n])
		n++;
	return n;
}

#define ETH_LENGTH_OF_ADDRESS	6
#define ETH_IS_MULTICAST(Address)	((BOOLEAN)(((const UCHAR *)(Address))[0] & 0x01))
#define ETH_IS_BROADCAST(Address) \
	((BOOLEAN)((((const UCHAR *)(Address))[0] & ((const UCHAR *)(Address))[1] & \
		    ((const UCHAR *)(Address))[2] & ((const UCHAR *)(Address))[3] & \
		    ((const UCHAR *)(Address))[4] & ((const UCHAR *)(Address))[5]) == 0xff))
/* *Result: 0 when the two addresses are the same, 1 when not */
#define ETH_COMPARE_NETWORK_ADDRESSES_EQ(_A, _B, _Result) \
	(*(_Result) = __builtin_memcmp((_A), (_B), ETH_LENGTH_OF_ADDRESS) != 0)

/*
 * NDIS_GENERIC_OBJECT: an NDIS handle for code that has none (what the
 * library's allocations take as NdisHandle), with Size bytes of the
 * caller's after it. Header.Type is NDIS_OBJECT_TYPE_DEFAULT.
 */
typedef struct _NDIS_GENERIC_OBJECT {
	NDIS_OBJECT_HEADER Header;
	PVOID Caller;
	PVOID CallersCaller;
	PDRIVER_OBJECT DriverObject;
} NDIS_GENERIC_OBJECT, *PNDIS_GENERIC_OBJECT;

#define NDIS_GENERIC_OBJECT_REVISION_1	1

PNDIS_GENERIC_OBJECT NdisAllocateGenericObject(PDRIVER_OBJECT DriverObject, ULONG Tag,
					       USHORT Size);
VOID NdisFreeGenericObject(PNDIS_GENERIC_OBJECT NdisObject);

/* nonpaged lookaside lists: fixed-size allocations */
typedef PVOID ALLOCATE_FUNCTION_EX(ULONG PoolType, SIZE_T NumberOfBytes, ULONG Tag,
				   PVOID Lookaside);
typedef VOID FREE_FUNCTION_EX(PVOID Buffer, PVOID Lookaside);
typedef PVOID (*PALLOCATE_FUNCTION)(ULONG PoolType, SIZE_T NumberOfBytes, ULONG Tag);
typedef VOID (*PFREE_FUNCTION)(PVOID Buffer);

typedef struct _NPAGED_LOOKASIDE_LIST {
	PALLOCATE_FUNCTION Allocate;
	PFREE_FUNCTION Free;
	ULONG Size;
	ULONG Tag;
} NPAGED_LOOKASIDE_LIST, *PNPAGED_LOOKASIDE_LIST;

static inline VOID NdisInitializeNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside,
						     PALLOCATE_FUNCTION Allocate,
						     PFREE_FUNCTION Free, ULONG Flags,
						     SIZE_T Size, ULONG Tag, USHORT Depth)
{
	Lookaside->Allocate = Allocate;
	Lookaside->Free = Free;
	Lookaside->Size = Size;
	Lookaside->Tag = Tag;
}

static inline PVOID NdisAllocateFromNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside)
{
	if (Lookaside->Allocate)
		return Lookaside->Allocate(0, Lookaside->Size, Lookaside->Tag);
	return NdisAllocateMemoryWithTagPriority(NULL, Lookaside->Size, Lookaside->Tag,
						 NormalPoolPriority);
}

static inline VOID NdisFreeToNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside, PVOID Entry)
{
	if (Lookaside->Free)
		Lookaside->Free(Entry);
	else
		NdisFreeMemoryWithTagPriority(NULL, Entry, Lookaside->Tag);
}

static inline VOID NdisDeleteNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside)
{
}

/* ---- spin locks ---------------------------------------------------------------------- */

/*
 * NDIS_SPIN_LOCK: acquiring raises to DISPATCH_LEVEL, bottom halves off
 * (as NDIS_RAISE_IRQL_TO_DISPATCH): holding it, a driver may call what
 * the DDK allows at DISPATCH_LEVEL, a receive indication or a completion
 * among them. OldIrql is the DDK's field, unused.
 */
typedef spinlock_t KSPIN_LOCK, *PKSPIN_LOCK;

typedef struct _NDIS_SPIN_LOCK {
	KSPIN_LOCK SpinLock;
	KIRQL OldIrql;
} NDIS_SPIN_LOCK, *PNDIS_SPIN_LOCK;

#define NdisAllocateSpinLock(_Lock)	spin_lock_init(&(_Lock)->SpinLock)
#define NdisFreeSpinLock(_Lock)		((void)(_Lock))
#define NdisAcquireSpinLock(_Lock)	spin_lock_bh(&(_Lock)->SpinLock)
#define NdisReleaseSpinLock(_Lock)	spin_unlock_bh(&(_Lock)->SpinLock)
#define NdisDprAcquireSpinLock(_Lock)	spin_lock_bh(&(_Lock)->SpinLock)
#define NdisDprReleaseSpinLock(_Lock)	spin_unlock_bh(&(_Lock)->SpinLock)

/* the kernel's own spin locks, as NDIS_SPIN_LOCK: bottom halves off */
#define KeInitializeSpinLock(SpinLock)	spin_lock_init(SpinLock)
#define KeAcquireSpinLock(SpinLock, OldIrql) \
	do { *(OldIrql) = KeGetCurrentIrql(); spin_lock_bh(SpinLock); } while (0)
#define KeReleaseSpinLock(SpinLock, NewIrql)	spin_unlock_bh(SpinLock)
#define KeAcquireSpinLockRaiseToDpc(SpinLock) \
	({ KIRQL __old = KeGetCurrentIrql(); spin_lock_bh(SpinLock); __old; })
#define KeAcquireSpinLockAtDpcLevel(SpinLock)	spin_lock_bh(SpinLock)
#define KeReleaseSpinLockFromDpcLevel(SpinLock)	spin_unlock_bh(SpinLock)

/*
 * NDIS_MUTEX (a KMUTEX): PASSIVE_LEVEL only, a struct mutex, so unlike a
 * KMUTEX its owner may not take it again. NDIS_WAIT_FOR_MUTEX is
 * STATUS_SUCCESS once it holds it.
 */
typedef struct _KMUTEX {
	struct mutex Mutex;
} KMUTEX, *PKMUTEX, *PRKMUTEX, NDIS_MUTEX, *PNDIS_MUTEX;

#define NDIS_INIT_MUTEX(_M)	mutex_init(&(_M)->Mutex)
#define NDIS_WAIT_FOR_MUTEX(_M)	({ mutex_lock(&(_M)->Mutex); STATUS_SUCCESS; })
#define NDIS_RELEASE_MUTEX(_M)	({ mutex_unlock(&(_M)->Mutex); (LONG)0; })

/* ---- read/write locks ------------------------------------------------------------------ */

/*
 * NDIS_RW_LOCK_EX (NDIS 6.20) and NDIS_RW_LOCK (6.0): a rwlock_t taken
 * with bottom halves off (DISPATCH_LEVEL, as NDIS_SPIN_LOCK). Readers may
 * take it again on their processor, as the DDK allows; a writer may not
 * (the DDK lets an NDIS_RW_LOCK_EX writer recurse). Their layouts are the
 * library's: the DDK's are opaque.
 */
typedef struct _NDIS_RW_LOCK_EX {
	rwlock_t Lock;
} NDIS_RW_LOCK_EX, *PNDIS_RW_LOCK_EX;

typedef struct _LOCK_STATE_EX {
	KIRQL OldIrql;
	UCHAR LockState;
	UCHAR Flags;
} LOCK_STATE_EX, *PLOCK_STATE_EX;

#define NDIS_RWL_AT_DISPATCH_LEVEL	0x1

PNDIS_RW_LOCK_EX NdisAllocateRWLock(NDIS_HANDLE NdisHandle);
VOID NdisFreeRWLock(PNDIS_RW_LOCK_EX Lock);
VOID NdisAcquireRWLockRead(PNDIS_RW_LOCK_EX Lock, PLOCK_STATE_EX LockState, UCHAR Flags);
VOID NdisAcquireRWLockWrite(PNDIS_RW_LOCK_EX Lock, PLOCK_STATE_EX LockState, UCHAR Flags);
VOID NdisReleaseRWLock(PNDIS_RW_LOCK_EX Lock, PLOCK_STATE_EX LockState);

typedef struct _NDIS_RW_LOCK {
	rwlock_t Lock;
} NDIS_RW_LOCK, *PNDIS_RW_LOCK;

typedef struct _LOCK_STATE {
	USHORT LockState;
	KIRQL OldIrql;
} LOCK_STATE, *PLOCK_STATE;

VOID NdisInitializeReadWriteLock(PNDIS_RW_LOCK Lock);
VOID NdisAcquireReadWriteLock(PNDIS_RW_LOCK Lock, BOOLEAN fWrite, PLOCK_STATE LockState);
VOID NdisReleaseReadWriteLock(PNDIS_RW_LOCK Lock, PLOCK_STATE LockState);
#define NdisDprAcquireReadWriteLock(Lock, fWrite, LockState) \
	NdisAcquireReadWriteLock(Lock, fWrite, LockState)
#define NdisDprReleaseReadWriteLock(Lock, LockState)	NdisReleaseReadWriteLock(Lock, LockState)

/* ---- events --------------------------------------------------------------------------- */

typedef struct _NDIS_EVENT {
	wait_queue_head_t Wait;
	BOOLEAN Signalled;
} NDIS_EVENT, *PNDIS_EVENT;

VOID NdisInitializeEvent(PNDIS_EVENT Event);
VOID NdisSetEvent(PNDIS_EVENT Event);
VOID NdisResetEvent(PNDIS_EVENT Event);
BOOLEAN NdisWaitEvent(PNDIS_EVENT Event, UINT MsToWait);

/* ---- timer objects ------------------------------------------------------------------------ */

typedef VOID NDIS_TIMER_FUNCTION(PVOID SystemSpecific1, PVOID FunctionContext,
				 PVOID SystemSpecific2, PVOID SystemSpecific3);
typedef NDIS_TIMER_FUNCTION(*PNDIS_TIMER_FUNCTION);

typedef struct _NDIS_TIMER_CHARACTERISTICS {
	NDIS_OBJECT_HEADER Header;
	ULONG AllocationTag;
	PNDIS_TIMER_FUNCTION TimerFunction;
	PVOID FunctionContext;
} NDIS_TIMER_CHARACTERISTICS, *PNDIS_TIMER_CHARACTERISTICS;

#define NDIS_TIMER_CHARACTERISTICS_REVISION_1	1
#define NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1 \
	NDIS_SIZEOF_STRUCT(NDIS_TIMER_CHARACTERISTICS, FunctionContext)

NDIS_STATUS NdisAllocateTimerObject(NDIS_HANDLE NdisHandle,
				    PNDIS_TIMER_CHARACTERISTICS TimerCharacteristics,
				    PNDIS_HANDLE pTimerObject);
BOOLEAN NdisSetTimerObject(NDIS_HANDLE TimerObject, LARGE_INTEGER DueTime,
			   LONG MillisecondsPeriod, PVOID FunctionContext);
BOOLEAN NdisCancelTimerObject(NDIS_HANDLE TimerObject);
VOID NdisFreeTimerObject(NDIS_HANDLE TimerObject);

/* ---- I/O work items ------------------------------------------------------------------------ */

typedef VOID NDIS_IO_WORKITEM_FUNCTION(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle);
typedef NDIS_IO_WORKITEM_FUNCTION(*NDIS_IO_WORKITEM_ROUTINE);

NDIS_HANDLE NdisAllocateIoWorkItem(NDIS_HANDLE NdisObjectHandle);
VOID NdisQueueIoWorkItem(NDIS_HANDLE NdisIoWorkItemHandle, NDIS_IO_WORKITEM_ROUTINE Routine,
			 PVOID WorkItemContext);
VOID NdisFreeIoWorkItem(NDIS_HANDLE NdisIoWorkItemHandle);

/* ---- interlocked operations ---------------------------------------------------------------- */

#define NdisInterlockedIncrement(Addend)	((LONG)atomic_inc_return((atomic_t *)(Addend)))
#define NdisInterlockedDecrement(Addend)	((LONG)atomic_dec_return((atomic_t *)(Addend)))
#define InterlockedIncrement(Addend)		NdisInterlockedIncrement(Addend)
#define InterlockedDecrement(Addend)		NdisInterlockedDecrement(Addend)
#define InterlockedExchange(Target, Value)	((LONG)atomic_xchg((atomic_t *)(Target), (Value)))
#define InterlockedCompareExchange(Destination, Exchange, Comparand) \
	((LONG)atomic_cmpxchg((atomic_t *)(Destination), (Comparand), (Exchange)))
#define InterlockedExchangeAdd(Addend, Value) \
	((LONG)atomic_fetch_add((Value), (atomic_t *)(Addend)))
#define InterlockedAnd(Destination, Value) \
	((LONG)atomic_fetch_and((Value), (atomic_t *)(Destination)))
#define InterlockedOr(Destination, Value) \
	((LONG)atomic_fetch_or((Value), (atomic_t *)(Destination)))
#define InterlockedXor(Destination, Value) \
	((LONG)atomic_fetch_xor((Value), (atomic_t *)(Destination)))
#define InterlockedAdd(Addend, Value)	((LONG)atomic_add_return((Value), (atomic_t *)(Addend)))
#define InterlockedIncrement64(Addend)	((LONG64)atomic64_inc_return((atomic64_t *)(Addend)))
#define InterlockedDecrement64(Addend)	((LONG64)atomic64_dec_return((atomic64_t *)(Addend)))
#define InterlockedAdd64(Addend, Value) \
	((LONG64)atomic64_add_return((Value), (atomic64_t *)(Addend)))
#define InterlockedExchangeAdd64(Addend, Value) \
	((LONG64)atomic64_fetch_add((Value), (atomic64_t *)(Addend)))
#define InterlockedExchangePointer(Target, Value) \
	((PVOID)xchg((PVOID *)(Target), (PVOID)(Value)))
#define InterlockedCompareExchangePointer(Destination, Exchange, Comparand) \
	((PVOID)cmpxchg((PVOID *)(Destination), (PVOID)(Comparand), (PVOID)(Exchange)))

static inline VOID NdisInterlockedAddUlong(PULONG Addend, ULONG Increment,
					   PNDIS_SPIN_LOCK SpinLock)
{
	atomic_add(Increment, (atomic_t *)Addend);
}

static inline VOID NdisInterlockedAddLargeStatistic(PLARGE_INTEGER Addend, ULONG Increment)
{
	atomic64_add(Increment, (atomic64_t *)&Addend->QuadPart);
}

static inline PLIST_ENTRY NdisInterlockedInsertHeadList(PLIST_ENTRY ListHead,
							PLIST_ENTRY ListEntry,
							PNDIS_SPIN_LOCK SpinLock)
{
	unsigned long flags;
	PLIST_ENTRY First;

	spin_lock_irqsave(&SpinLock->SpinLock, flags);
	First = IsListEmpty(ListHead) ? NULL : ListHead->Flink;
	InsertHeadList(ListHead, ListEntry);
	spin_unlock_irqrestore(&SpinLock->SpinLock, flags);
	return First;
}

static inline PLIST_ENTRY NdisInterlockedInsertTailList(PLIST_ENTRY ListHead,
							PLIST_ENTRY ListEntry,
							PNDIS_SPIN_LOCK SpinLock)
{
	unsigned long flags;
	PLIST_ENTRY Last;

	spin_lock_irqsave(&SpinLock->SpinLock, flags);
	Last = IsListEmpty(ListHead) ? NULL : ListHead->Blink;
	InsertTailList(ListHead, ListEntry);
	spin_unlock_irqrestore(&SpinLock->SpinLock, flags);
	return Last;
}

static inline PLIST_ENTRY NdisInterlockedRemoveHeadList(PLIST_ENTRY ListHead,
							PNDIS_SPIN_LOCK SpinLock)
{
	PLIST_ENTRY Entry = NULL;
	unsigned long flags;

	spin_lock_irqsave(&SpinLock->SpinLock, flags);
	if (!IsListEmpty(ListHead))
		Entry = RemoveHeadList(ListHead);
	spin_unlock_irqrestore(&SpinLock->SpinLock, flags);
	return Entry;
}

static inline PSINGLE_LIST_ENTRY NdisInterlockedPushEntryList(PSINGLE_LIST_ENTRY ListHead,
							     PSINGLE_LIST_ENTRY ListEntry,
							     PNDIS_SPIN_LOCK Lock)
{
	PSINGLE_LIST_ENTRY Top;
	unsigned long flags;

	spin_lock_irqsave(&Lock->SpinLock, flags);
	Top = ListHead->Next;
	PushEntryList(ListHead, ListEntry);
	spin_unlock_irqrestore(&Lock->SpinLock, flags);
	return Top;
}

static inline PSINGLE_LIST_ENTRY NdisInterlockedPopEntryList(PSINGLE_LIST_ENTRY ListHead,
							    PNDIS_SPIN_LOCK Lock)
{
	PSINGLE_LIST_ENTRY Entry;
	unsigned long flags;

	spin_lock_irqsave(&Lock->SpinLock, flags);
	Entry = PopEntryList(ListHead);
	spin_unlock_irqrestore(&Lock->SpinLock, flags);
	return Entry;
}

/*
 * The interlocked stack (SLIST_HEADER): any IRQL. The DDK's SpinLock
 * argument is not used (a 64-bit Windows ignores it too); the library
 * serializes every SList with one lock of its own.
 */
#define NdisInitializeSListHead(SListHead)	NdisZeroMemory((SListHead), sizeof(SLIST_HEADER))
#define InitializeSListHead(SListHead)		NdisInitializeSListHead(SListHead)
PSLIST_ENTRY NdisInterlockedPushEntrySList(PSLIST_HEADER SListHead, PSLIST_ENTRY SListEntry,
					   PKSPIN_LOCK SpinLock);
PSLIST_ENTRY NdisInterlockedPopEntrySList(PSLIST_HEADER SListHead, PKSPIN_LOCK SpinLock);
USHORT NdisQueryDepthSList(PSLIST_HEADER SListHead);

/* ---- processors ------------------------------------------------------------------------------ */

/* one processor group, group 0: Linux's CPUs */
#define ALL_PROCESSOR_GROUPS	0xffff
#define KeGetCurrentProcessorNumber()	((ULONG)raw_smp_processor_id())
#define NdisCurrentProcessorIndex()	KeGetCurrentProcessorNumber()
CCHAR NdisSystemProcessorCount(VOID);
USHORT NdisActiveGroupCount(void);
USHORT NdisMaxGroupCount(void);
ULONG NdisGroupActiveProcessorCount(USHORT Group);
ULONG NdisGroupMaxProcessorCount(USHORT Group);

/* ---- strings --------------------------------------------------------------------------------- */

static inline VOID NdisInitUnicodeString(PNDIS_STRING DestinationString, PCWSTR SourceString)
{
	USHORT n = 0;

	if (SourceString)
		while (SourceString[n])
			n++;
	DestinationString->Length = n * sizeof(WCHAR);
	DestinationString->MaximumLength = SourceString ? (n + 1) * sizeof(WCHAR) : 0;
	DestinationString->Buffer = (PWSTR)SourceString;
}

#define RtlInitUnicodeString(DestinationString, SourceString) \
	NdisInitUnicodeString(DestinationString, SourceString)
/*
 * A counted string of a literal: RTL_CONSTANT_STRING(L"x") (see
 * NDIS_STRING_CONST). The kernel builds with -fshort-wchar: L"" is of
 * 16-bit characters, as on Windows (wider ones do not compile).
 */
#define RTL_CONSTANT_STRING(s) \
	{ sizeof(s) - sizeof((s)[0]) + BUILD_BUG_ON_ZERO(sizeof((s)[0]) > sizeof(WCHAR)), \
	  sizeof(s), (void *)(s) }

static inline VOID NdisInitAnsiString(PNDIS_ANSI_STRING DestinationString, PCSTR SourceString)
{
	USHORT n = SourceString ? strlen(SourceString) : 0;

	DestinationString->Length = n;
	DestinationString->MaximumLength = SourceString ? n + 1 : 0;
	DestinationString->Buffer = (PCHAR)SourceString;
}

BOOLEAN NdisEqualString(PNDIS_STRING String1, PNDIS_STRING String2, BOOLEAN CaseInsensitive);
#define NdisEqualUnicodeString(String1, String2, CaseInsensitive) \
	NdisEqualString((String1), (String2), (CaseInsensitive))
#define RtlEqualUnicodeString(String1, String2, CaseInSensitive) \
	NdisEqualString((PNDIS_STRING)(String1), (PNDIS_STRING)(String2), (CaseInSensitive))
#define RtlInitAnsiString(DestinationString, SourceString) \
	NdisInitAnsiString((DestinationString), (SourceString))
#define RtlInitString(DestinationString, SourceString) \
	NdisInitAnsiString((DestinationString), (SourceString))

/* RtlCopyUnicodeString: as much of Source as Destination's buffer holds */
static inline VOID RtlCopyUnicodeString(PUNICODE_STRING DestinationString,
					PCUNICODE_STRING SourceString)
{
	USHORT n = 0;

	if (SourceString) {
		n = min_t(USHORT, SourceString->Length, DestinationString->MaximumLength);
		__builtin_memmove(DestinationString->Buffer, SourceString->Buffer, n);
		if (n + sizeof(WCHAR) <= DestinationString->MaximumLength)
			DestinationString->Buffer[n / sizeof(WCHAR)] = 0;
	}
	DestinationString->Length = n;
}

/*
 * NdisInitializeString: a NUL-terminated ASCII Source into a Destination
 * the library allocates (NULL Buffer when it cannot), freed with
 * NdisFreeString. The conversions write into the caller's buffer (its
 * MaximumLength): NDIS_STATUS_BUFFER_OVERFLOW when it is too short, the
 * destination unchanged; a character beyond Latin-1 becomes '?'.
 */
VOID NdisInitializeString(PNDIS_STRING Destination, PUCHAR Source);
#define NdisFreeString(String)	NdisFreeMemory((String).Buffer, (String).MaximumLength, 0)
NDIS_STATUS NdisAnsiStringToUnicodeString(PNDIS_STRING DestinationString,
					  PNDIS_ANSI_STRING SourceString);
NDIS_STATUS NdisUnicodeStringToAnsiString(PNDIS_ANSI_STRING DestinationString,
					  PNDIS_STRING SourceString);

/* ---- time and delays ----------------------------------------------------------------------------- */

/* 100-nanosecond units since 1 January 1601 (UTC) */
VOID NdisGetCurrentSystemTime(PLARGE_INTEGER pSystemTime);
#define KeQuerySystemTime(CurrentTime)	NdisGetCurrentSystemTime(CurrentTime)
/* milliseconds since boot */
VOID NdisGetSystemUpTimeEx(PLARGE_INTEGER pSystemUpTime);
/* may sleep: PASSIVE_LEVEL only */
VOID NdisMSleep(ULONG MicrosecondsToSleep);
#define NdisStallExecution(MicroSecondsToStall)	udelay(MicroSecondsToStall)
#define KeStallExecutionProcessor(MicroSeconds)	udelay(MicroSeconds)

/* a counter of nanoseconds: *PerformanceFrequency (if asked) is 10^9 */
static inline LARGE_INTEGER KeQueryPerformanceCounter(PLARGE_INTEGER PerformanceFrequency)
{
	LARGE_INTEGER Now = { .QuadPart = ktime_get_ns() };

	if (PerformanceFrequency)
		PerformanceFrequency->QuadPart = NSEC_PER_SEC;
	return Now;
}

/* a full memory barrier, as Windows' two names for it are */
#define KeMemoryBarrier()		smp_mb()
/* the same full barrier */
#define MemoryBarrier()			smp_mb()
/* the compiler's barrier only */
#define _ReadWriteBarrier()		barrier()
#define ReadNoFence(Source)		READ_ONCE(*(Source))
#define WriteNoFence(Destination, Value) WRITE_ONCE(*(Destination), (Value))
UINT NdisGetVersion(VOID);

/* ---- debugging: the DDK's checked-build macros; the event log ---------------------- */

#define DbgPrint(Format, ...)		pr_debug(Format, ##__VA_ARGS__)
/* DbgPrintEx's filter: component and level are not looked at (the values are condis's) */
enum {
	DPFLTR_IHVVIDEO_ID, DPFLTR_IHVAUDIO_ID, DPFLTR_IHVNETWORK_ID,
	DPFLTR_IHVSTREAMING_ID, DPFLTR_IHVBUS_ID, DPFLTR_IHVDRIVER_ID
};
#define DPFLTR_ERROR_LEVEL		0
#define DPFLTR_WARNING_LEVEL		1
#define DPFLTR_TRACE_LEVEL		2
#define DPFLTR_INFO_LEVEL		3
#define DbgPrintEx(ComponentId, Level, Format, ...) \
	({ (void)(ComponentId); (void)(Level); pr_debug(Format, ##__VA_ARGS__); })
#define KdPrint(_x_)			DbgPrint _x_
#ifndef ASSERT
#define ASSERT(_exp)			WARN_ON_ONCE(!(_exp))
#endif
#define NT_ASSERT(_exp)			ASSERT(_exp)
#define NT_VERIFY(_exp)			(!WARN_ON_ONCE(!(_exp)))
/* the typed-context declarations of the newer DDK: for Windows' tools */
#define NDIS_DECLARE_PROTOCOL_DRIVER_CONTEXT(_type)
#define NDIS_DECLARE_PROTOCOL_BINDING_CONTEXT(_type)
#define NDIS_DECLARE_MINIPORT_DRIVER_CONTEXT(_type)
#define NDIS_DECLARE_MINIPORT_ADAPTER_CONTEXT(_type)
#define PAGED_CODE()			might_sleep()

typedef ULONG NDIS_ERROR_CODE, *PNDIS_ERROR_CODE;

#define NDIS_ERROR_CODE_RESOURCE_CONFLICT		0xC000138CL
#define NDIS_ERROR_CODE_OUT_OF_RESOURCES		0xC000138DL
#define NDIS_ERROR_CODE_HARDWARE_FAILURE		0xC000138EL
#define NDIS_ERROR_CODE_ADAPTER_NOT_FOUND		0xC000138FL
#define NDIS_ERROR_CODE_DRIVER_FAILURE			0xC000139AL
#define NDIS_ERROR_CODE_MISSING_CONFIGURATION_PARAMETER	0xC000139DL

/* to the kernel log, rate limited (condis has no event log) */
VOID NdisWriteErrorLogEntry(NDIS_HANDLE NdisAdapterHandle, NDIS_ERROR_CODE ErrorCode,
			    ULONG NumberOfErrorValues, ...);

#endif /* _NET_NDIS_SUPPORT_H */
