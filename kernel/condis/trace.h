/* SPDX-License-Identifier: GPL-2.0 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM condis

#if !defined(_CONDIS_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _CONDIS_TRACE_H

#include <linux/tracepoint.h>
#include <linux/version.h>

/* __assign_str() lost its source argument in 6.10. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 10, 0)
#define cd_assign_str(dst, src) __assign_str(dst)
#else
#define cd_assign_str(dst, src) __assign_str(dst, src)
#endif

/*
 * Every request and indication is traced at issue (condis_request), when
 * its handler pends (condis_pended), when it is final (condis_complete,
 * pended=false for a synchronous answer) and when its handler runs
 * (condis_deliver); seq ties the four together. State changes of objects
 * are condis_state; verifier reports are condis_verifier.
 */
DECLARE_EVENT_CLASS(condis_req_class,
	TP_PROTO(const char *chain, u8 type, u32 id, u64 seq),
	TP_ARGS(chain, type, id, seq),
	TP_STRUCT__entry(
		__string(chain, chain)
		__field(u8, type)
		__field(u32, id)
		__field(u64, seq)
	),
	TP_fast_assign(
		cd_assign_str(chain, chain);
		__entry->type = type;
		__entry->id = id;
		__entry->seq = seq;
	),
	TP_printk("%s obj=%u/%u seq=%llu", __get_str(chain), __entry->type,
		  __entry->id, __entry->seq)
);

DEFINE_EVENT(condis_req_class, condis_request,
	TP_PROTO(const char *chain, u8 type, u32 id, u64 seq),
	TP_ARGS(chain, type, id, seq));

DEFINE_EVENT(condis_req_class, condis_pended,
	TP_PROTO(const char *chain, u8 type, u32 id, u64 seq),
	TP_ARGS(chain, type, id, seq));

TRACE_EVENT(condis_complete,
	TP_PROTO(const char *chain, u8 type, u32 id, u64 seq, int status, bool pended),
	TP_ARGS(chain, type, id, seq, status, pended),
	TP_STRUCT__entry(
		__string(chain, chain)
		__field(u8, type)
		__field(u32, id)
		__field(u64, seq)
		__field(int, status)
		__field(bool, pended)
	),
	TP_fast_assign(
		cd_assign_str(chain, chain);
		__entry->type = type;
		__entry->id = id;
		__entry->seq = seq;
		__entry->status = status;
		__entry->pended = pended;
	),
	TP_printk("%s obj=%u/%u seq=%llu status=%d pended=%d", __get_str(chain),
		  __entry->type, __entry->id, __entry->seq, __entry->status,
		  __entry->pended)
);

TRACE_EVENT(condis_deliver,
	TP_PROTO(const char *chain, u8 type, u32 id, u64 seq, int status),
	TP_ARGS(chain, type, id, seq, status),
	TP_STRUCT__entry(
		__string(chain, chain)
		__field(u8, type)
		__field(u32, id)
		__field(u64, seq)
		__field(int, status)
	),
	TP_fast_assign(
		cd_assign_str(chain, chain);
		__entry->type = type;
		__entry->id = id;
		__entry->seq = seq;
		__entry->status = status;
	),
	TP_printk("%s obj=%u/%u seq=%llu status=%d", __get_str(chain),
		  __entry->type, __entry->id, __entry->seq, __entry->status)
);

TRACE_EVENT(condis_state,
	TP_PROTO(u8 type, u32 id, const char *what, int from, int to),
	TP_ARGS(type, id, what, from, to),
	TP_STRUCT__entry(
		__field(u8, type)
		__field(u32, id)
		__string(what, what)
		__field(int, from)
		__field(int, to)
	),
	TP_fast_assign(
		__entry->type = type;
		__entry->id = id;
		cd_assign_str(what, what);
		__entry->from = from;
		__entry->to = to;
	),
	TP_printk("obj=%u/%u %s %d->%d", __entry->type, __entry->id,
		  __get_str(what), __entry->from, __entry->to)
);

TRACE_EVENT(condis_verifier,
	TP_PROTO(const char *rule, u8 type, u32 id, const char *what),
	TP_ARGS(rule, type, id, what),
	TP_STRUCT__entry(
		__string(rule, rule)
		__field(u8, type)
		__field(u32, id)
		__string(what, what)
	),
	TP_fast_assign(
		cd_assign_str(rule, rule);
		__entry->type = type;
		__entry->id = id;
		cd_assign_str(what, what);
	),
	TP_printk("%s obj=%u/%u %s", __get_str(rule), __entry->type,
		  __entry->id, __get_str(what))
);

#endif /* _CONDIS_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE trace
#include <trace/define_trace.h>
