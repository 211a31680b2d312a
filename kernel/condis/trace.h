/* SPDX-License-Identifier: GPL-2.0 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM condis

#if !defined(_CONDIS_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _CONDIS_TRACE_H

#include <linux/string.h>
#include <linux/tracepoint.h>
#include "internal.h"

/*
 * Names go in fixed arrays: __assign_str() changed its arguments in 6.10
 * and condis builds against 6.1 and 6.12 alike. Chain and rule names are
 * short literals (at most CD_TP_NAME bytes are kept).
 */
#define CD_TP_NAME 64
#define CD_TP_STATE 16	/* state names, and what they are states of */

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
		__array(char, chain, CD_TP_NAME)
		__field(u8, type)
		__field(u32, id)
		__field(u64, seq)
	),
	TP_fast_assign(
		strscpy(__entry->chain, chain, CD_TP_NAME);
		__entry->type = type;
		__entry->id = id;
		__entry->seq = seq;
	),
	TP_printk("%s obj=%u/%u seq=%llu", __entry->chain, __entry->type,
		  __entry->id, __entry->seq)
);

DEFINE_EVENT(condis_req_class, condis_request,
	TP_PROTO(const char *chain, u8 type, u32 id, u64 seq),
	TP_ARGS(chain, type, id, seq));

DEFINE_EVENT(condis_req_class, condis_pended,
	TP_PROTO(const char *chain, u8 type, u32 id, u64 seq),
	TP_ARGS(chain, type, id, seq));

/* A final status: condis_complete, and condis_deliver (only pended
 * requests are delivered, so its pended is always true and not printed).
 */
DECLARE_EVENT_CLASS(condis_status_class,
	TP_PROTO(const char *chain, u8 type, u32 id, u64 seq, int status, bool pended),
	TP_ARGS(chain, type, id, seq, status, pended),
	TP_STRUCT__entry(
		__array(char, chain, CD_TP_NAME)
		__field(u8, type)
		__field(u32, id)
		__field(u64, seq)
		__field(int, status)
		__field(bool, pended)
	),
	TP_fast_assign(
		strscpy(__entry->chain, chain, CD_TP_NAME);
		__entry->type = type;
		__entry->id = id;
		__entry->seq = seq;
		__entry->status = status;
		__entry->pended = pended;
	),
	TP_printk("%s obj=%u/%u seq=%llu status=%d pended=%d", __entry->chain,
		  __entry->type, __entry->id, __entry->seq, __entry->status,
		  __entry->pended)
);

DEFINE_EVENT(condis_status_class, condis_complete,
	TP_PROTO(const char *chain, u8 type, u32 id, u64 seq, int status, bool pended),
	TP_ARGS(chain, type, id, seq, status, pended));

DEFINE_EVENT_PRINT(condis_status_class, condis_deliver,
	TP_PROTO(const char *chain, u8 type, u32 id, u64 seq, int status, bool pended),
	TP_ARGS(chain, type, id, seq, status, pended),
	TP_printk("%s obj=%u/%u seq=%llu status=%d", __entry->chain,
		  __entry->type, __entry->id, __entry->seq, __entry->status));

/*
 * A state change: @kind is enum cd_state_kind, @from and @to its values
 * (filter on them), printed by name ("call outgoing->connected").
 */
TRACE_EVENT(condis_state,
	TP_PROTO(u8 type, u32 id, u8 kind, int from, int to),
	TP_ARGS(type, id, kind, from, to),
	TP_STRUCT__entry(
		__field(u8, type)
		__field(u32, id)
		__array(char, what, CD_TP_STATE)
		__field(int, from)
		__field(int, to)
		__array(char, from_name, CD_TP_STATE)
		__array(char, to_name, CD_TP_STATE)
	),
	TP_fast_assign(
		__entry->type = type;
		__entry->id = id;
		strscpy(__entry->what, cd_state_kind_name(kind), CD_TP_STATE);
		__entry->from = from;
		__entry->to = to;
		strscpy(__entry->from_name, cd_state_name(kind, from), CD_TP_STATE);
		strscpy(__entry->to_name, cd_state_name(kind, to), CD_TP_STATE);
	),
	TP_printk("obj=%u/%u %s %s->%s", __entry->type, __entry->id,
		  __entry->what, __entry->from_name, __entry->to_name)
);

TRACE_EVENT(condis_verifier,
	TP_PROTO(const char *rule, u8 type, u32 id, const char *what),
	TP_ARGS(rule, type, id, what),
	TP_STRUCT__entry(
		__array(char, rule, CD_TP_NAME)
		__field(u8, type)
		__field(u32, id)
		__array(char, what, CD_TP_NAME)
	),
	TP_fast_assign(
		strscpy(__entry->rule, rule, CD_TP_NAME);
		__entry->type = type;
		__entry->id = id;
		strscpy(__entry->what, what, CD_TP_NAME);
	),
	TP_printk("%s obj=%u/%u %s", __entry->rule, __entry->type,
		  __entry->id, __entry->what)
);

#endif /* _CONDIS_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE trace
#include <trace/define_trace.h>
