/* SPDX-License-Identifier: GPL-2.0 */
/*
 * net/ndis/types.h - the Windows and NDIS base types of <net/condis_ndis.h>.
 *
 * The DDK's scalar types with the DDK's sizes on LP64 Linux (ULONG is 32
 * bits, ULONG_PTR is a pointer's size), the SAL annotations and function
 * role annotations as no-ops, NDIS_STATUS with the Windows values, the
 * NDIS_OBJECT_HEADER every NDIS 6 structure starts with, counted strings
 * and the doubly linked LIST_ENTRY with its DDK macros.
 */
#ifndef _NET_NDIS_TYPES_H
#define _NET_NDIS_TYPES_H

#include <linux/compiler.h>
#include <linux/stddef.h>
#include <linux/types.h>

/* ---- scalar types ------------------------------------------------------------ */

typedef void VOID, *PVOID, **PPVOID;
typedef char CHAR, *PCHAR, CCHAR;
typedef u8 UCHAR, *PUCHAR;
typedef s16 SHORT, *PSHORT;
typedef u16 USHORT, *PUSHORT;
typedef s32 LONG, *PLONG;
typedef u32 ULONG, *PULONG;
typedef s32 INT, *PINT;
typedef u32 UINT, *PUINT;
typedef s64 LONGLONG, *PLONGLONG;
typedef u64 ULONGLONG, *PULONGLONG;
typedef s64 LONG64, *PLONG64;
typedef u64 ULONG64, *PULONG64;
typedef unsigned long ULONG_PTR, *PULONG_PTR;
typedef long LONG_PTR, *PLONG_PTR;
typedef size_t SIZE_T, *PSIZE_T;
typedef u8 BOOLEAN, *PBOOLEAN;
typedef u8 BYTE, *PBYTE;
typedef u16 WORD;
typedef u32 DWORD;
typedef u16 WCHAR, *PWCHAR, *PWSTR;
typedef const u16 *PCWSTR;
typedef const char *PCSTR;
typedef u8 KIRQL, *PKIRQL;
typedef s32 NTSTATUS;
typedef u32 NDIS_OID, *PNDIS_OID;
typedef u32 NDIS_PORT_NUMBER, *PNDIS_PORT_NUMBER;

typedef union _LARGE_INTEGER {
	struct {
		ULONG LowPart;
		LONG HighPart;
	};
	LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;

typedef union _ULARGE_INTEGER {
	struct {
		ULONG LowPart;
		ULONG HighPart;
	};
	ULONGLONG QuadPart;
} ULARGE_INTEGER, *PULARGE_INTEGER;

typedef LARGE_INTEGER PHYSICAL_ADDRESS, *PPHYSICAL_ADDRESS;
typedef PHYSICAL_ADDRESS NDIS_PHYSICAL_ADDRESS, *PNDIS_PHYSICAL_ADDRESS;

typedef struct _GUID {
	ULONG Data1;
	USHORT Data2;
	USHORT Data3;
	UCHAR Data4[8];
} GUID, *PGUID;

/* An NDIS handle: an opaque pointer the library or the driver gives out. */
typedef void *NDIS_HANDLE, **PNDIS_HANDLE;

#ifndef TRUE
#define TRUE	1
#define FALSE	0
#endif

/* ---- annotations: meaningful to Windows' tools, empty here ----------------------- */

#define IN
#define OUT
#define OPTIONAL
#define _In_
#define _In_opt_
#define _Out_
#define _Out_opt_
#define _Inout_
#define _Inout_opt_
#define _In_reads_(n)
#define _In_reads_opt_(n)
#define _In_reads_bytes_(n)
#define _In_reads_bytes_opt_(n)
#define _Out_writes_(n)
#define _Inout_updates_(n)
#define _Inout_updates_bytes_(n)
#define _Field_size_(n)
#define _Field_size_bytes_(n)
#define _In_range_(lo, hi)
#define _Ret_maybenull_
#define _Post_invalid_
#define _At_(target, ann)
#define _Pre_notnull_
#define _Out_writes_bytes_(n)
#define _Out_writes_bytes_opt_(n)
#define _Outptr_
#define _Outptr_result_maybenull_
#define _Must_inspect_result_
#define _Use_decl_annotations_
#define _IRQL_requires_(irql)
#define _IRQL_requires_max_(irql)
#define _IRQL_requires_min_(irql)
#define _IRQL_raises_(irql)
#define _IRQL_saves_
#define _IRQL_restores_
#define _IRQL_saves_global_(kind, param)
#define _IRQL_restores_global_(kind, param)
#define _Requires_lock_held_(lock)
#define _Requires_lock_not_held_(lock)
#define _Acquires_lock_(lock)
#define _Releases_lock_(lock)
#define _When_(cond, ann)
#define _Success_(expr)
#define _Function_class_(name)
#define __drv_aliasesMem
#define __drv_allocatesMem(kind)
#define __drv_freesMem(kind)
#define __drv_maxIRQL(irql)
#define __drv_requiresIRQL(irql)
#define __drv_preferredFunction(f, why)
#define _Out_writes_to_(n, c)
#define _Out_writes_bytes_to_(n, c)
#define _Out_writes_bytes_all_(n)
#define _Inout_updates_opt_(n)
#define _Deref_out_
#define _Deref_out_range_(lo, hi)
#define _Deref_in_range_(lo, hi)
#define _Out_range_(lo, hi)
#define _Pre_satisfies_(cond)
#define _Post_satisfies_(cond)
#define _Post_writable_byte_size_(n)
#define _Struct_size_bytes_(n)
#define _Guarded_by_(lock)
#define _Interlocked_
#define _Check_return_
#define _Kernel_float_saved_
#define _IRQL_requires_same_
#define _Frees_ptr_
#define _Frees_ptr_opt_
#define _Reserved_
#define _Null_terminated_
#define _NullNull_terminated_
#define _Printf_format_string_
#define _Analysis_assume_(expr)
#define _Analysis_assume_lock_held_(lock)
#define _Analysis_assume_lock_not_held_(lock)
#define _Dispatch_type_(type)
#define POINTER_ALIGNMENT
#define NDIS_EXPORTED_ROUTINE
#define EXPORT
#define NTAPI
#define NTKERNELAPI
#define DECLSPEC_ALIGN(n)	__aligned(n)

/*
 * IRQLs, for code that names them (condis: process context is
 * PASSIVE_LEVEL, softirq and spinlocked sections are DISPATCH_LEVEL)
 */
#define PASSIVE_LEVEL	0
#define APC_LEVEL	1
#define DISPATCH_LEVEL	2

/* ---- NDIS_STATUS: the Windows values ---------------------------------------------- */

typedef int NDIS_STATUS, *PNDIS_STATUS;

#define NDIS_STATUS_SUCCESS			((NDIS_STATUS)0x00000000L)
#define NDIS_STATUS_PENDING			((NDIS_STATUS)0x00000103L)
#define NDIS_STATUS_NOT_RECOGNIZED		((NDIS_STATUS)0x00010001L)
#define NDIS_STATUS_NOT_COPIED			((NDIS_STATUS)0x00010002L)
#define NDIS_STATUS_NOT_ACCEPTED		((NDIS_STATUS)0x00010003L)
#define NDIS_STATUS_CALL_ACTIVE			((NDIS_STATUS)0x00010007L)
#define NDIS_STATUS_INDICATION_REQUIRED		((NDIS_STATUS)0x40230001L)
#define NDIS_STATUS_ONLINE			((NDIS_STATUS)0x40010003L)
#define NDIS_STATUS_RESET_START			((NDIS_STATUS)0x40010004L)
#define NDIS_STATUS_RESET_END			((NDIS_STATUS)0x40010005L)
#define NDIS_STATUS_RING_STATUS			((NDIS_STATUS)0x40010006L)
#define NDIS_STATUS_CLOSED			((NDIS_STATUS)0x40010007L)
#define NDIS_STATUS_WAN_LINE_UP			((NDIS_STATUS)0x40010008L)
#define NDIS_STATUS_WAN_LINE_DOWN		((NDIS_STATUS)0x40010009L)
#define NDIS_STATUS_WAN_FRAGMENT		((NDIS_STATUS)0x4001000AL)
#define NDIS_STATUS_MEDIA_CONNECT		((NDIS_STATUS)0x4001000BL)
#define NDIS_STATUS_MEDIA_DISCONNECT		((NDIS_STATUS)0x4001000CL)
#define NDIS_STATUS_HARDWARE_LINE_UP		((NDIS_STATUS)0x4001000DL)
#define NDIS_STATUS_HARDWARE_LINE_DOWN		((NDIS_STATUS)0x4001000EL)
#define NDIS_STATUS_INTERFACE_UP		((NDIS_STATUS)0x4001000FL)
#define NDIS_STATUS_INTERFACE_DOWN		((NDIS_STATUS)0x40010010L)
#define NDIS_STATUS_MEDIA_BUSY			((NDIS_STATUS)0x40010011L)
#define NDIS_STATUS_MEDIA_SPECIFIC_INDICATION	((NDIS_STATUS)0x40010012L)
#define NDIS_STATUS_LINK_SPEED_CHANGE		((NDIS_STATUS)0x40010013L)
#define NDIS_STATUS_LINK_STATE			((NDIS_STATUS)0x40010017L)
#define NDIS_STATUS_NETWORK_CHANGE		((NDIS_STATUS)0x40010018L)
#define NDIS_STATUS_WAN_GET_STATS		((NDIS_STATUS)0x40010014L)
#define NDIS_STATUS_WAN_CO_FRAGMENT		((NDIS_STATUS)0x40010015L)
#define NDIS_STATUS_WAN_CO_LINKPARAMS		((NDIS_STATUS)0x40010016L)
#define NDIS_STATUS_WAN_CO_MTULINKPARAMS	((NDIS_STATUS)0x40010025L)
#define NDIS_STATUS_NOT_RESETTABLE		((NDIS_STATUS)0x80010001L)
#define NDIS_STATUS_SOFT_ERRORS			((NDIS_STATUS)0x80010003L)
#define NDIS_STATUS_HARD_ERRORS			((NDIS_STATUS)0x80010004L)
#define NDIS_STATUS_BUFFER_OVERFLOW		((NDIS_STATUS)0x80000005L)
#define NDIS_STATUS_FAILURE			((NDIS_STATUS)0xC0000001L)
#define NDIS_STATUS_INVALID_PARAMETER		((NDIS_STATUS)0xC000000DL)
#define NDIS_STATUS_INVALID_DEVICE_REQUEST	((NDIS_STATUS)0xC0000010L)
#define NDIS_STATUS_RESOURCES			((NDIS_STATUS)0xC000009AL)
#define NDIS_STATUS_NOT_SUPPORTED		((NDIS_STATUS)0xC00000BBL)
#define NDIS_STATUS_NETWORK_UNREACHABLE		((NDIS_STATUS)0xC000023CL)
#define NDIS_STATUS_CLOSING			((NDIS_STATUS)0xC0010002L)
#define NDIS_STATUS_BAD_VERSION			((NDIS_STATUS)0xC0010004L)
#define NDIS_STATUS_BAD_CHARACTERISTICS		((NDIS_STATUS)0xC0010005L)
#define NDIS_STATUS_ADAPTER_NOT_FOUND		((NDIS_STATUS)0xC0010006L)
#define NDIS_STATUS_OPEN_FAILED			((NDIS_STATUS)0xC0010007L)
#define NDIS_STATUS_DEVICE_FAILED		((NDIS_STATUS)0xC0010008L)
#define NDIS_STATUS_MULTICAST_FULL		((NDIS_STATUS)0xC0010009L)
#define NDIS_STATUS_MULTICAST_EXISTS		((NDIS_STATUS)0xC001000AL)
#define NDIS_STATUS_MULTICAST_NOT_FOUND		((NDIS_STATUS)0xC001000BL)
#define NDIS_STATUS_REQUEST_ABORTED		((NDIS_STATUS)0xC001000CL)
#define NDIS_STATUS_RESET_IN_PROGRESS		((NDIS_STATUS)0xC001000DL)
#define NDIS_STATUS_CLOSING_INDICATING		((NDIS_STATUS)0xC001000EL)
#define NDIS_STATUS_INVALID_PACKET		((NDIS_STATUS)0xC001000FL)
#define NDIS_STATUS_OPEN_LIST_FULL		((NDIS_STATUS)0xC0010010L)
#define NDIS_STATUS_ADAPTER_NOT_READY		((NDIS_STATUS)0xC0010011L)
#define NDIS_STATUS_ADAPTER_NOT_OPEN		((NDIS_STATUS)0xC0010012L)
#define NDIS_STATUS_NOT_INDICATING		((NDIS_STATUS)0xC0010013L)
#define NDIS_STATUS_INVALID_LENGTH		((NDIS_STATUS)0xC0010014L)
#define NDIS_STATUS_INVALID_DATA		((NDIS_STATUS)0xC0010015L)
#define NDIS_STATUS_BUFFER_TOO_SHORT		((NDIS_STATUS)0xC0010016L)
#define NDIS_STATUS_INVALID_OID			((NDIS_STATUS)0xC0010017L)
#define NDIS_STATUS_ADAPTER_REMOVED		((NDIS_STATUS)0xC0010018L)
#define NDIS_STATUS_UNSUPPORTED_MEDIA		((NDIS_STATUS)0xC0010019L)
#define NDIS_STATUS_GROUP_ADDRESS_IN_USE	((NDIS_STATUS)0xC001001AL)
#define NDIS_STATUS_FILE_NOT_FOUND		((NDIS_STATUS)0xC001001BL)
#define NDIS_STATUS_ERROR_READING_FILE		((NDIS_STATUS)0xC001001CL)
#define NDIS_STATUS_ALREADY_MAPPED		((NDIS_STATUS)0xC001001DL)
#define NDIS_STATUS_RESOURCE_CONFLICT		((NDIS_STATUS)0xC001001EL)
#define NDIS_STATUS_NO_CABLE			((NDIS_STATUS)0xC001001FL)
#define NDIS_STATUS_INVALID_SAP			((NDIS_STATUS)0xC0010020L)
#define NDIS_STATUS_SAP_IN_USE			((NDIS_STATUS)0xC0010021L)
#define NDIS_STATUS_INVALID_ADDRESS		((NDIS_STATUS)0xC0010022L)
#define NDIS_STATUS_VC_NOT_ACTIVATED		((NDIS_STATUS)0xC0010023L)
#define NDIS_STATUS_DEST_OUT_OF_ORDER		((NDIS_STATUS)0xC0010024L)
#define NDIS_STATUS_VC_NOT_AVAILABLE		((NDIS_STATUS)0xC0010025L)
#define NDIS_STATUS_CELLRATE_NOT_AVAILABLE	((NDIS_STATUS)0xC0010026L)
#define NDIS_STATUS_INCOMPATABLE_QOS		((NDIS_STATUS)0xC0010027L)
#define NDIS_STATUS_AAL_PARAMS_UNSUPPORTED	((NDIS_STATUS)0xC0010028L)
#define NDIS_STATUS_NO_ROUTE_TO_DESTINATION	((NDIS_STATUS)0xC0010029L)
#define NDIS_STATUS_TOKEN_RING_OPEN_ERROR	((NDIS_STATUS)0xC0011000L)
#define NDIS_STATUS_PAUSED			((NDIS_STATUS)0xC023002AL)
#define NDIS_STATUS_LOW_POWER_STATE		((NDIS_STATUS)0xC023002FL)
#define NDIS_STATUS_SEND_ABORTED		((NDIS_STATUS)0xC023000CL)

/* NTSTATUS names DDK code also uses for NDIS statuses */
#define STATUS_SUCCESS				((NTSTATUS)0x00000000L)
#define STATUS_PENDING				((NTSTATUS)0x00000103L)
#define STATUS_UNSUCCESSFUL			((NTSTATUS)0xC0000001L)
#define STATUS_INSUFFICIENT_RESOURCES		((NTSTATUS)0xC000009AL)
#define STATUS_NOT_SUPPORTED			((NTSTATUS)0xC00000BBL)
#define STATUS_INVALID_PARAMETER		((NTSTATUS)0xC000000DL)

#define NT_SUCCESS(s)			((NTSTATUS)(s) >= 0)
#define NDIS_STATUS_TO_NT_STATUS(s)	((NTSTATUS)(s))

/* ---- NDIS_OBJECT_HEADER ---------------------------------------------------------------- */

typedef struct _NDIS_OBJECT_HEADER {
	UCHAR Type;
	UCHAR Revision;
	USHORT Size;
} NDIS_OBJECT_HEADER, *PNDIS_OBJECT_HEADER;

#define NDIS_OBJECT_TYPE_DEFAULT				0x80
#define NDIS_OBJECT_TYPE_MINIPORT_INIT_PARAMETERS		0x81
#define NDIS_OBJECT_TYPE_SG_DMA_DESCRIPTION			0x83
#define NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT			0x84
#define NDIS_OBJECT_TYPE_DEVICE_OBJECT_ATTRIBUTES		0x85
#define NDIS_OBJECT_TYPE_BIND_PARAMETERS			0x86
#define NDIS_OBJECT_TYPE_OPEN_PARAMETERS			0x87
#define NDIS_OBJECT_TYPE_RSS_CAPABILITIES			0x88
#define NDIS_OBJECT_TYPE_RSS_PARAMETERS				0x89
#define NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS	0x8A
#define NDIS_OBJECT_TYPE_FILTER_DRIVER_CHARACTERISTICS		0x8B
#define NDIS_OBJECT_TYPE_FILTER_PARTIAL_CHARACTERISTICS		0x8C
#define NDIS_OBJECT_TYPE_FILTER_ATTRIBUTES			0x8D
#define NDIS_OBJECT_TYPE_CLIENT_CHIMNEY_OFFLOAD_GENERIC_CHARACTERISTICS 0x8E
#define NDIS_OBJECT_TYPE_PROVIDER_CHIMNEY_OFFLOAD_GENERIC_CHARACTERISTICS 0x8F
#define NDIS_OBJECT_TYPE_CO_PROTOCOL_CHARACTERISTICS		0x90
#define NDIS_OBJECT_TYPE_CO_MINIPORT_CHARACTERISTICS		0x91
#define NDIS_OBJECT_TYPE_MINIPORT_PNP_CHARACTERISTICS		0x92
#define NDIS_OBJECT_TYPE_CLIENT_CHIMNEY_OFFLOAD_CHARACTERISTICS	0x93
#define NDIS_OBJECT_TYPE_PROVIDER_CHIMNEY_OFFLOAD_CHARACTERISTICS 0x94
#define NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS	0x95
#define NDIS_OBJECT_TYPE_REQUEST_EX				0x96
#define NDIS_OBJECT_TYPE_OID_REQUEST				0x96
#define NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS			0x97
#define NDIS_OBJECT_TYPE_STATUS_INDICATION			0x98
#define NDIS_OBJECT_TYPE_FILTER_ATTACH_PARAMETERS		0x99
#define NDIS_OBJECT_TYPE_FILTER_PAUSE_PARAMETERS		0x9A
#define NDIS_OBJECT_TYPE_FILTER_RESTART_PARAMETERS		0x9B
#define NDIS_OBJECT_TYPE_PORT_CHARACTERISTICS			0x9C
#define NDIS_OBJECT_TYPE_PORT_STATE				0x9D
#define NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES 0x9E
#define NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES	0x9F
#define NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_OFFLOAD_ATTRIBUTES	0xA0
#define NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_NATIVE_802_11_ATTRIBUTES 0xA1
#define NDIS_OBJECT_TYPE_RESTART_GENERAL_ATTRIBUTES		0xA2
#define NDIS_OBJECT_TYPE_PROTOCOL_RESTART_PARAMETERS		0xA3
#define NDIS_OBJECT_TYPE_MINIPORT_ADD_DEVICE_REGISTRATION_ATTRIBUTES 0xA4
#define NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS	0xA5
#define NDIS_OBJECT_TYPE_CO_CLIENT_OPTIONAL_HANDLERS		0xA6
#define NDIS_OBJECT_TYPE_OFFLOAD				0xA7
#define NDIS_OBJECT_TYPE_OFFLOAD_ENCAPSULATION			0xA8
#define NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT			0xA9
#define NDIS_OBJECT_TYPE_DRIVER_WRAPPER_OBJECT			0xAA
#define NDIS_OBJECT_TYPE_NSI_NETWORK_RW_STRUCT			0xAC
#define NDIS_OBJECT_TYPE_NSI_COMPARTMENT_RW_STRUCT		0xAD
#define NDIS_OBJECT_TYPE_NSI_INTERFACE_PERSIST_RW_STRUCT	0xAE

#define NDIS_SIZEOF_STRUCT(s, f)	(offsetof(s, f) + sizeof(((s *)0)->f))

/* ---- counted strings ----------------------------------------------------------------- */

typedef struct _UNICODE_STRING {
	USHORT Length;		/* bytes, without a terminator */
	USHORT MaximumLength;
	PWSTR Buffer;
} UNICODE_STRING, *PUNICODE_STRING;
typedef const struct _UNICODE_STRING *PCUNICODE_STRING;

typedef struct _STRING {
	USHORT Length;
	USHORT MaximumLength;
	PCHAR Buffer;
} STRING, *PSTRING, ANSI_STRING, *PANSI_STRING;

typedef UNICODE_STRING NDIS_STRING, *PNDIS_STRING;
typedef ANSI_STRING NDIS_ANSI_STRING, *PNDIS_ANSI_STRING;

/*
 * A NDIS_STRING literal: NDIS_STRING_CONST("name"), as the DDK has it (L""
 * literals are of 16-bit characters: the kernel builds with -fshort-wchar)
 */
#define NDIS_STRING_CONST(x)	{ sizeof(L##x) - sizeof(WCHAR), sizeof(L##x), (PWSTR)L##x }

/* VAR_STRING (TAPI): what NdisCoGetTapiCallId fills */
typedef struct _VAR_STRING {
	ULONG ulTotalSize;
	ULONG ulNeededSize;
	ULONG ulUsedSize;
	ULONG ulStringFormat;
	ULONG ulStringSize;
	ULONG ulStringOffset;
} VAR_STRING, *PVAR_STRING;

#define STRINGFORMAT_ASCII	0x00000001
#define STRINGFORMAT_DBCS	0x00000002
#define STRINGFORMAT_UNICODE	0x00000003
#define STRINGFORMAT_BINARY	0x00000004

/* ---- LIST_ENTRY ----------------------------------------------------------------------- */

typedef struct _LIST_ENTRY {
	struct _LIST_ENTRY *Flink;
	struct _LIST_ENTRY *Blink;
} LIST_ENTRY, *PLIST_ENTRY;

typedef struct _SINGLE_LIST_ENTRY {
	struct _SINGLE_LIST_ENTRY *Next;
} SINGLE_LIST_ENTRY, *PSINGLE_LIST_ENTRY;

/* SINGLE_LIST_ENTRY: a stack, ListHead->Next its top */
static inline VOID PushEntryList(PSINGLE_LIST_ENTRY ListHead, PSINGLE_LIST_ENTRY Entry)
{
	Entry->Next = ListHead->Next;
	ListHead->Next = Entry;
}

static inline PSINGLE_LIST_ENTRY PopEntryList(PSINGLE_LIST_ENTRY ListHead)
{
	PSINGLE_LIST_ENTRY Entry = ListHead->Next;

	if (Entry)
		ListHead->Next = Entry->Next;
	return Entry;
}

/*
 * SLIST_HEADER and SLIST_ENTRY: the interlocked stack (support.h's
 * NdisInterlockedPushEntrySList): Alignment is the top entry, Region the
 * depth
 */
typedef struct DECLSPEC_ALIGN(16) _SLIST_HEADER {
	ULONGLONG Alignment;
	ULONGLONG Region;
} SLIST_HEADER, *PSLIST_HEADER;

/* (not 16-byte aligned as on 64-bit Windows: no 16-byte compare-exchange here) */
typedef struct _SLIST_ENTRY {
	struct _SLIST_ENTRY *Next;
} SLIST_ENTRY, *PSLIST_ENTRY;

static inline VOID InitializeListHead(PLIST_ENTRY ListHead)
{
	ListHead->Flink = ListHead->Blink = ListHead;
}

static inline BOOLEAN IsListEmpty(const LIST_ENTRY *ListHead)
{
	return ListHead->Flink == ListHead;
}

static inline BOOLEAN RemoveEntryList(PLIST_ENTRY Entry)
{
	PLIST_ENTRY Flink = Entry->Flink, Blink = Entry->Blink;

	Blink->Flink = Flink;
	Flink->Blink = Blink;
	return Flink == Blink;
}

static inline PLIST_ENTRY RemoveHeadList(PLIST_ENTRY ListHead)
{
	PLIST_ENTRY Entry = ListHead->Flink;

	RemoveEntryList(Entry);
	return Entry;
}

static inline PLIST_ENTRY RemoveTailList(PLIST_ENTRY ListHead)
{
	PLIST_ENTRY Entry = ListHead->Blink;

	RemoveEntryList(Entry);
	return Entry;
}

static inline VOID InsertTailList(PLIST_ENTRY ListHead, PLIST_ENTRY Entry)
{
	PLIST_ENTRY Blink = ListHead->Blink;

	Entry->Flink = ListHead;
	Entry->Blink = Blink;
	Blink->Flink = Entry;
	ListHead->Blink = Entry;
}

static inline VOID InsertHeadList(PLIST_ENTRY ListHead, PLIST_ENTRY Entry)
{
	PLIST_ENTRY Flink = ListHead->Flink;

	Entry->Flink = Flink;
	Entry->Blink = ListHead;
	Flink->Blink = Entry;
	ListHead->Flink = Entry;
}

#define NdisInitializeListHead(ListHead)	InitializeListHead(ListHead)
#define CONTAINING_RECORD(address, type, field)	container_of(address, type, field)

#ifndef FIELD_OFFSET
#define FIELD_OFFSET(type, field)	((LONG)offsetof(type, field))
#endif
#define RTL_FIELD_SIZE(type, field)	(sizeof(((type *)0)->field))
#define UNREFERENCED_PARAMETER(p)	((void)(p))
#define RTL_NUMBER_OF(a)		ARRAY_SIZE(a)
#define ARRAYSIZE(a)			ARRAY_SIZE(a)
/* compile-time assertions, at file or block scope */
#define C_ASSERT(e)			_Static_assert(e, #e)
/* flags */
#define FlagOn(F, SF)			((F) & (SF))
#define BooleanFlagOn(F, SF)		((BOOLEAN)(((F) & (SF)) != 0))
#define SetFlag(F, SF)			((F) |= (SF))
#define ClearFlag(F, SF)		((F) &= ~(SF))
#define DBG_UNREFERENCED_PARAMETER(p)	((void)(p))
#define DBG_UNREFERENCED_LOCAL_VARIABLE(v)	((void)(v))

/* the driver object: never looked into (DriverEntry is given NULL) */
typedef struct _DRIVER_OBJECT DRIVER_OBJECT, *PDRIVER_OBJECT;

#endif /* _NET_NDIS_TYPES_H */
