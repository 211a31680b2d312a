// SPDX-License-Identifier: GPL-2.0
/*
 * The NDIS support routines that keep state: tagged memory, generic
 * objects, events, timer objects, I/O work items, the interlocked stack,
 * processors, strings and time (<net/ndis/support.h>; what needs no state
 * is inline there).
 */
#include <linux/cpumask.h>
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include "lib.h"

/* ---- memory -------------------------------------------------------------------------- */

/* nonpaged pool: any IRQL may allocate */

PVOID NdisAllocateMemoryWithTagPriority(NDIS_HANDLE NdisHandle, UINT Length, ULONG Tag,
					EX_POOL_PRIORITY Priority)
{
	return kmalloc(Length, NDIS_GFP);
}
EXPORT_SYMBOL_GPL(NdisAllocateMemoryWithTagPriority);

VOID NdisFreeMemoryWithTagPriority(NDIS_HANDLE NdisHandle, PVOID VirtualAddress, ULONG Tag)
{
	kfree(VirtualAddress);
}
EXPORT_SYMBOL_GPL(NdisFreeMemoryWithTagPriority);

/**
 * NdisAllocateMemoryWithTag - NDIS 5's allocation, for drivers that kept it
 * @VirtualAddress: receives the memory
 * @Length: its bytes
 * @Tag: the pool tag (unused)
 *
 * Context: any.
 * Return: NDIS_STATUS_SUCCESS or NDIS_STATUS_FAILURE.
 */
NDIS_STATUS NdisAllocateMemoryWithTag(PVOID *VirtualAddress, UINT Length, ULONG Tag)
{
	*VirtualAddress = kmalloc(Length, NDIS_GFP);
	return *VirtualAddress ? NDIS_STATUS_SUCCESS : NDIS_STATUS_FAILURE;
}
EXPORT_SYMBOL_GPL(NdisAllocateMemoryWithTag);

VOID NdisFreeMemoryWithTag(PVOID VirtualAddress, ULONG Tag)
{
	kfree(VirtualAddress);
}
EXPORT_SYMBOL_GPL(NdisFreeMemoryWithTag);

VOID NdisFreeMemory(PVOID VirtualAddress, UINT Length, UINT MemoryFlags)
{
	kfree(VirtualAddress);
}
EXPORT_SYMBOL_GPL(NdisFreeMemory);

/**
 * NdisAllocateGenericObject - an NDIS handle for code that has none
 * @DriverObject: kept in the object (may be NULL)
 * @Tag: the pool tag (unused)
 * @Size: bytes for the caller after the object
 *
 * Context: any.
 * Return: the object, zeroed but for its header and @DriverObject, or NULL.
 */
PNDIS_GENERIC_OBJECT NdisAllocateGenericObject(PDRIVER_OBJECT DriverObject, ULONG Tag,
					       USHORT Size)
{
	PNDIS_GENERIC_OBJECT o = kzalloc(sizeof(*o) + Size, NDIS_GFP);

	if (!o)
		return NULL;
	o->Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
	o->Header.Revision = NDIS_GENERIC_OBJECT_REVISION_1;
	o->Header.Size = sizeof(*o);
	o->DriverObject = DriverObject;
	return o;
}
EXPORT_SYMBOL_GPL(NdisAllocateGenericObject);

VOID NdisFreeGenericObject(PNDIS_GENERIC_OBJECT NdisObject)
{
	kfree(NdisObject);
}
EXPORT_SYMBOL_GPL(NdisFreeGenericObject);

/* ---- events ---------------------------------------------------------------------------- */

VOID NdisInitializeEvent(PNDIS_EVENT Event)
{
	init_waitqueue_head(&Event->Wait);
	Event->Signalled = FALSE;
}
EXPORT_SYMBOL_GPL(NdisInitializeEvent);

VOID NdisSetEvent(PNDIS_EVENT Event)
{
	WRITE_ONCE(Event->Signalled, TRUE);
	wake_up_all(&Event->Wait);
}
EXPORT_SYMBOL_GPL(NdisSetEvent);

VOID NdisResetEvent(PNDIS_EVENT Event)
{
	WRITE_ONCE(Event->Signalled, FALSE);
}
EXPORT_SYMBOL_GPL(NdisResetEvent);

/* MsToWait 0: no time limit. PASSIVE_LEVEL (process context) only. */
BOOLEAN NdisWaitEvent(PNDIS_EVENT Event, UINT MsToWait)
{
	if (!MsToWait) {
		wait_event(Event->Wait, READ_ONCE(Event->Signalled));
		return TRUE;
	}
	return wait_event_timeout(Event->Wait, READ_ONCE(Event->Signalled),
				  msecs_to_jiffies(MsToWait)) ? TRUE : FALSE;
}
EXPORT_SYMBOL_GPL(NdisWaitEvent);

/* ---- timer objects ------------------------------------------------------------------------- */

struct ndis_timer {
	struct timer_list timer;
	PNDIS_TIMER_FUNCTION fn;
	PVOID ctx;
	unsigned long period;	/* jiffies; 0: once */
};

static void ndis_timer_fire(struct timer_list *t)
{
	struct ndis_timer *nt = from_timer(nt, t, timer);

	if (nt->period)
		mod_timer(&nt->timer, jiffies + nt->period);
	nt->fn(NULL, nt->ctx, NULL, NULL);
}

NDIS_STATUS NdisAllocateTimerObject(NDIS_HANDLE NdisHandle,
				    PNDIS_TIMER_CHARACTERISTICS TimerCharacteristics,
				    PNDIS_HANDLE pTimerObject)
{
	struct ndis_timer *nt;

	if (!TimerCharacteristics || !TimerCharacteristics->TimerFunction ||
	    TimerCharacteristics->Header.Type != NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS)
		return NDIS_STATUS_INVALID_PARAMETER;
	nt = kzalloc(sizeof(*nt), NDIS_GFP);
	if (!nt)
		return NDIS_STATUS_RESOURCES;
	timer_setup(&nt->timer, ndis_timer_fire, 0);
	nt->fn = TimerCharacteristics->TimerFunction;
	nt->ctx = TimerCharacteristics->FunctionContext;
	*pTimerObject = nt;
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(NdisAllocateTimerObject);

/*
 * DueTime in 100-ns units: negative is relative to now, positive an
 * absolute system time (NdisGetCurrentSystemTime's). TRUE when the timer
 * was set already.
 */
BOOLEAN NdisSetTimerObject(NDIS_HANDLE TimerObject, LARGE_INTEGER DueTime,
			   LONG MillisecondsPeriod, PVOID FunctionContext)
{
	struct ndis_timer *nt = TimerObject;
	s64 due = DueTime.QuadPart;
	LARGE_INTEGER now;
	u64 us;

	if (due >= 0) {
		NdisGetCurrentSystemTime(&now);
		due = now.QuadPart > due ? 0 : now.QuadPart - due;
	}
	us = div_u64(-due, 10);
	if (FunctionContext)
		nt->ctx = FunctionContext;
	nt->period = MillisecondsPeriod > 0 ? msecs_to_jiffies(MillisecondsPeriod) : 0;
	return mod_timer(&nt->timer, jiffies + usecs_to_jiffies(us)) ? TRUE : FALSE;
}
EXPORT_SYMBOL_GPL(NdisSetTimerObject);

/* TRUE when the timer was set (and is now not) */
BOOLEAN NdisCancelTimerObject(NDIS_HANDLE TimerObject)
{
	struct ndis_timer *nt = TimerObject;

	nt->period = 0;
	return timer_delete(&nt->timer) ? TRUE : FALSE;
}
EXPORT_SYMBOL_GPL(NdisCancelTimerObject);

/* waits for a timer function that is running: not from it */
VOID NdisFreeTimerObject(NDIS_HANDLE TimerObject)
{
	struct ndis_timer *nt = TimerObject;

	nt->period = 0;
	timer_shutdown_sync(&nt->timer);
	kfree(nt);
}
EXPORT_SYMBOL_GPL(NdisFreeTimerObject);

/* ---- I/O work items -------------------------------------------------------------------------- */

struct ndis_work {
	struct work_struct work;
	NDIS_IO_WORKITEM_ROUTINE fn;
	PVOID ctx;
};

static void ndis_work_run(struct work_struct *work)
{
	struct ndis_work *nw = container_of(work, struct ndis_work, work);

	nw->fn(nw->ctx, nw);
}

NDIS_HANDLE NdisAllocateIoWorkItem(NDIS_HANDLE NdisObjectHandle)
{
	struct ndis_work *nw = kzalloc(sizeof(*nw), NDIS_GFP);

	if (nw)
		INIT_WORK(&nw->work, ndis_work_run);
	return nw;
}
EXPORT_SYMBOL_GPL(NdisAllocateIoWorkItem);

VOID NdisQueueIoWorkItem(NDIS_HANDLE NdisIoWorkItemHandle, NDIS_IO_WORKITEM_ROUTINE Routine,
			 PVOID WorkItemContext)
{
	struct ndis_work *nw = NdisIoWorkItemHandle;

	/* a driver's bug, said: the routine queued before will not run */
	if (work_pending(&nw->work))
		pr_err_ratelimited("condis_ndis: a work item queued again before it ran: %ps replaces %ps\n",
				   Routine, nw->fn);
	nw->fn = Routine;
	nw->ctx = WorkItemContext;
	queue_work(system_wq, &nw->work);
}
EXPORT_SYMBOL_GPL(NdisQueueIoWorkItem);

/* waits for the routine if it is queued or running: not from it */
/*
 * NdisFreeIoWorkItem - free a work item: it does not run after
 * @NdisIoWorkItemHandle: the item; its own routine may free it (as DDK
 *	drivers do), which needs no wait
 */
VOID NdisFreeIoWorkItem(NDIS_HANDLE NdisIoWorkItemHandle)
{
	struct ndis_work *nw = NdisIoWorkItemHandle;

	if (current_work() != &nw->work)
		cancel_work_sync(&nw->work);
	kfree(nw);
}
EXPORT_SYMBOL_GPL(NdisFreeIoWorkItem);

/* ---- the interlocked stack ------------------------------------------------------------------ */

/* every SList: short sections, any context */
static DEFINE_SPINLOCK(ndis_slist_lock);

/**
 * NdisInterlockedPushEntrySList - push onto an interlocked stack
 * @SListHead: the stack
 * @SListEntry: pushed
 * @SpinLock: not used (the library's lock serializes)
 *
 * Context: any.
 * Return: the entry that was on top, or NULL.
 */
PSLIST_ENTRY NdisInterlockedPushEntrySList(PSLIST_HEADER SListHead, PSLIST_ENTRY SListEntry,
					   PKSPIN_LOCK SpinLock)
{
	PSLIST_ENTRY top;
	unsigned long flags;

	spin_lock_irqsave(&ndis_slist_lock, flags);
	top = (PSLIST_ENTRY)(ULONG_PTR)SListHead->Alignment;
	SListEntry->Next = top;
	SListHead->Alignment = (ULONG_PTR)SListEntry;
	SListHead->Region++;
	spin_unlock_irqrestore(&ndis_slist_lock, flags);
	return top;
}
EXPORT_SYMBOL_GPL(NdisInterlockedPushEntrySList);

/**
 * NdisInterlockedPopEntrySList - pop from an interlocked stack
 * @SListHead: the stack
 * @SpinLock: not used (the library's lock serializes)
 *
 * Context: any.
 * Return: the entry that was on top, or NULL (empty).
 */
PSLIST_ENTRY NdisInterlockedPopEntrySList(PSLIST_HEADER SListHead, PKSPIN_LOCK SpinLock)
{
	PSLIST_ENTRY top;
	unsigned long flags;

	spin_lock_irqsave(&ndis_slist_lock, flags);
	top = (PSLIST_ENTRY)(ULONG_PTR)SListHead->Alignment;
	if (top) {
		SListHead->Alignment = (ULONG_PTR)top->Next;
		SListHead->Region--;
	}
	spin_unlock_irqrestore(&ndis_slist_lock, flags);
	return top;
}
EXPORT_SYMBOL_GPL(NdisInterlockedPopEntrySList);

/**
 * NdisQueryDepthSList - how many entries an interlocked stack holds
 * @SListHead: the stack
 *
 * Context: any.
 * Return: the count, at some moment of the call.
 */
USHORT NdisQueryDepthSList(PSLIST_HEADER SListHead)
{
	return READ_ONCE(SListHead->Region);
}
EXPORT_SYMBOL_GPL(NdisQueryDepthSList);

/* ---- processors: one group, Linux's CPUs ------------------------------------------------------ */

CCHAR NdisSystemProcessorCount(VOID)
{
	return min_t(unsigned int, num_online_cpus(), S8_MAX);
}
EXPORT_SYMBOL_GPL(NdisSystemProcessorCount);

USHORT NdisActiveGroupCount(void)
{
	return 1;
}
EXPORT_SYMBOL_GPL(NdisActiveGroupCount);

/**
 * NdisMaxGroupCount - how many processor groups there may be
 *
 * Context: any.
 * Return: 1 (Linux's CPUs are group 0).
 */
USHORT NdisMaxGroupCount(void)
{
	return 1;
}
EXPORT_SYMBOL_GPL(NdisMaxGroupCount);

ULONG NdisGroupActiveProcessorCount(USHORT Group)
{
	return Group == 0 || Group == ALL_PROCESSOR_GROUPS ? num_online_cpus() : 0;
}
EXPORT_SYMBOL_GPL(NdisGroupActiveProcessorCount);

ULONG NdisGroupMaxProcessorCount(USHORT Group)
{
	return Group == 0 || Group == ALL_PROCESSOR_GROUPS ? nr_cpu_ids : 0;
}
EXPORT_SYMBOL_GPL(NdisGroupMaxProcessorCount);

/* ---- strings and time ------------------------------------------------------------------------- */

static WCHAR ndis_upcase(WCHAR c)
{
	return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

/**
 * NdisEqualString - whether two NDIS_STRINGs are the same (a macro in the DDK)
 * @String1: one
 * @String2: the other
 * @CaseInsensitive: compare ASCII letters without their case
 *
 * Return: TRUE or FALSE.
 */
BOOLEAN NdisEqualString(PNDIS_STRING String1, PNDIS_STRING String2, BOOLEAN CaseInsensitive)
{
	USHORT i, n = String1->Length / sizeof(WCHAR);

	if (String1->Length != String2->Length)
		return FALSE;
	for (i = 0; i < n; i++) {
		WCHAR a = String1->Buffer[i], b = String2->Buffer[i];

		if (CaseInsensitive ? ndis_upcase(a) != ndis_upcase(b) : a != b)
			return FALSE;
	}
	return TRUE;
}
EXPORT_SYMBOL_GPL(NdisEqualString);

/**
 * NdisInitializeString - an NDIS_STRING of an ASCII string, allocated
 * @Destination: receives it (a NULL Buffer when the allocation failed)
 * @Source: NUL-terminated
 *
 * Freed with NdisFreeString. Context: any.
 * Return: nothing (VOID).
 */
VOID NdisInitializeString(PNDIS_STRING Destination, PUCHAR Source)
{
	size_t i, n = strnlen((const char *)Source, U16_MAX / sizeof(WCHAR) - 1);

	Destination->Length = 0;
	Destination->MaximumLength = 0;
	Destination->Buffer = kmalloc_array(n + 1, sizeof(WCHAR), NDIS_GFP);
	if (!Destination->Buffer)
		return;
	for (i = 0; i < n; i++)
		Destination->Buffer[i] = Source[i];
	Destination->Buffer[n] = 0;
	Destination->Length = n * sizeof(WCHAR);
	Destination->MaximumLength = (n + 1) * sizeof(WCHAR);
}
EXPORT_SYMBOL_GPL(NdisInitializeString);

/**
 * NdisAnsiStringToUnicodeString - an ANSI string into a caller's NDIS_STRING
 * @DestinationString: its Buffer and MaximumLength are the room
 * @SourceString: what to convert (Latin-1)
 *
 * Context: any.
 * Return: NDIS_STATUS_SUCCESS, or NDIS_STATUS_BUFFER_OVERFLOW (the
 * destination unchanged).
 */
NDIS_STATUS NdisAnsiStringToUnicodeString(PNDIS_STRING DestinationString,
					  PNDIS_ANSI_STRING SourceString)
{
	USHORT i, n = SourceString->Length;

	if ((size_t)n * sizeof(WCHAR) > DestinationString->MaximumLength)
		return NDIS_STATUS_BUFFER_OVERFLOW;
	for (i = 0; i < n; i++)
		DestinationString->Buffer[i] = (UCHAR)SourceString->Buffer[i];
	DestinationString->Length = n * sizeof(WCHAR);
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(NdisAnsiStringToUnicodeString);

/**
 * NdisUnicodeStringToAnsiString - an NDIS_STRING into a caller's ANSI string
 * @DestinationString: its Buffer and MaximumLength are the room
 * @SourceString: what to convert; a character beyond Latin-1 becomes '?'
 *
 * Context: any.
 * Return: NDIS_STATUS_SUCCESS, or NDIS_STATUS_BUFFER_OVERFLOW (the
 * destination unchanged).
 */
NDIS_STATUS NdisUnicodeStringToAnsiString(PNDIS_ANSI_STRING DestinationString,
					  PNDIS_STRING SourceString)
{
	USHORT i, n = SourceString->Length / sizeof(WCHAR);

	if (n > DestinationString->MaximumLength)
		return NDIS_STATUS_BUFFER_OVERFLOW;
	for (i = 0; i < n; i++) {
		WCHAR c = SourceString->Buffer[i];

		DestinationString->Buffer[i] = c > 0xff ? '?' : c;
	}
	DestinationString->Length = n;
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(NdisUnicodeStringToAnsiString);

/* seconds from 1601-01-01 to 1970-01-01 */
#define NDIS_EPOCH_DELTA	11644473600LL

/**
 * NdisGetCurrentSystemTime - the time of day (a macro in the DDK)
 * @pSystemTime: receives 100-nanosecond units since 1 January 1601 (UTC)
 *
 * Return: nothing (VOID).
 */
VOID NdisGetCurrentSystemTime(PLARGE_INTEGER pSystemTime)
{
	struct timespec64 ts;

	ktime_get_real_ts64(&ts);
	pSystemTime->QuadPart = (ts.tv_sec + NDIS_EPOCH_DELTA) * 10000000LL + ts.tv_nsec / 100;
}
EXPORT_SYMBOL_GPL(NdisGetCurrentSystemTime);

VOID NdisGetSystemUpTimeEx(PLARGE_INTEGER pSystemUpTime)
{
	pSystemUpTime->QuadPart = ktime_to_ms(ktime_get_boottime());
}
EXPORT_SYMBOL_GPL(NdisGetSystemUpTimeEx);

VOID NdisMSleep(ULONG MicrosecondsToSleep)
{
	fsleep(MicrosecondsToSleep);
}
EXPORT_SYMBOL_GPL(NdisMSleep);

UINT NdisGetVersion(VOID)
{
	return (NDIS_MINIPORT_MAJOR_VERSION << 16) | NDIS_MINIPORT_MINOR_VERSION;
}
EXPORT_SYMBOL_GPL(NdisGetVersion);

/*
 * NdisWriteErrorLogEntry - an entry for the event log, which condis has
 *	not: the kernel log, rate limited, with up to four of its values
 * @NdisAdapterHandle: the adapter (or driver) it is about
 * @ErrorCode: NDIS_ERROR_CODE_*
 * @NumberOfErrorValues: how many ULONG values follow
 */
VOID NdisWriteErrorLogEntry(NDIS_HANDLE NdisAdapterHandle, NDIS_ERROR_CODE ErrorCode,
			    ULONG NumberOfErrorValues, ...)
{
	ULONG v[4] = {};
	va_list args;
	ULONG i;

	va_start(args, NumberOfErrorValues);
	for (i = 0; i < NumberOfErrorValues && i < ARRAY_SIZE(v); i++)
		v[i] = va_arg(args, ULONG);
	va_end(args);
	pr_warn_ratelimited("condis_ndis: error log entry 0x%08x, %u values: %08x %08x %08x %08x\n",
			    ErrorCode, NumberOfErrorValues, v[0], v[1], v[2], v[3]);
}
EXPORT_SYMBOL_GPL(NdisWriteErrorLogEntry);

/* ---- read/write locks -------------------------------------------------------------------- */

PNDIS_RW_LOCK_EX NdisAllocateRWLock(NDIS_HANDLE NdisHandle)
{
	PNDIS_RW_LOCK_EX Lock = kzalloc(sizeof(*Lock), NDIS_GFP);

	if (Lock)
		rwlock_init(&Lock->Lock);
	return Lock;
}
EXPORT_SYMBOL_GPL(NdisAllocateRWLock);

VOID NdisFreeRWLock(PNDIS_RW_LOCK_EX Lock)
{
	kfree(Lock);
}
EXPORT_SYMBOL_GPL(NdisFreeRWLock);

/* both kinds: a rwlock_t with bottom halves off; @write says which side */
static void ndis_rw_take(rwlock_t *lock, bool write)
	__acquires(lock)
{
	if (write)
		write_lock_bh(lock);
	else
		read_lock_bh(lock);
}

static void ndis_rw_drop(rwlock_t *lock, bool write)
	__releases(lock)
{
	if (write)
		write_unlock_bh(lock);
	else
		read_unlock_bh(lock);
}

VOID NdisAcquireRWLockRead(PNDIS_RW_LOCK_EX Lock, PLOCK_STATE_EX LockState, UCHAR Flags)
	__acquires(&Lock->Lock)
{
	ndis_rw_take(&Lock->Lock, false);
	LockState->LockState = FALSE;
}
EXPORT_SYMBOL_GPL(NdisAcquireRWLockRead);

VOID NdisAcquireRWLockWrite(PNDIS_RW_LOCK_EX Lock, PLOCK_STATE_EX LockState, UCHAR Flags)
	__acquires(&Lock->Lock)
{
	ndis_rw_take(&Lock->Lock, true);
	LockState->LockState = TRUE;
}
EXPORT_SYMBOL_GPL(NdisAcquireRWLockWrite);

VOID NdisReleaseRWLock(PNDIS_RW_LOCK_EX Lock, PLOCK_STATE_EX LockState)
	__releases(&Lock->Lock)
{
	ndis_rw_drop(&Lock->Lock, LockState->LockState);
}
EXPORT_SYMBOL_GPL(NdisReleaseRWLock);

VOID NdisInitializeReadWriteLock(PNDIS_RW_LOCK Lock)
{
	rwlock_init(&Lock->Lock);
}
EXPORT_SYMBOL_GPL(NdisInitializeReadWriteLock);

VOID NdisAcquireReadWriteLock(PNDIS_RW_LOCK Lock, BOOLEAN fWrite, PLOCK_STATE LockState)
	__acquires(&Lock->Lock)
{
	ndis_rw_take(&Lock->Lock, fWrite);
	LockState->LockState = fWrite;
}
EXPORT_SYMBOL_GPL(NdisAcquireReadWriteLock);

VOID NdisReleaseReadWriteLock(PNDIS_RW_LOCK Lock, PLOCK_STATE LockState)
	__releases(&Lock->Lock)
{
	ndis_rw_drop(&Lock->Lock, LockState->LockState);
}
EXPORT_SYMBOL_GPL(NdisReleaseReadWriteLock);
