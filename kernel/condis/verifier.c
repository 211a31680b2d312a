// SPDX-License-Identifier: GPL-2.0
/*
 * The condis verifier: contract violations Windows does not check for
 * CoNDIS. Each rule is counted every time (debugfs: condis/verifier),
 * traced (condis:condis_verifier) and reported in the log once per rule
 * with the object, the caller and a stack. verifier=strict turns the report
 * into a WARN (which panics a panic_on_warn kernel) and makes condis refuse
 * the offending call where it can; the default, report, only reports.
 */
#include <linux/module.h>
#include "internal.h"
#include "verifier.h"
#include "trace.h"

static bool verifier_strict;
module_param_named(verifier_strict, verifier_strict, bool, 0644);
MODULE_PARM_DESC(verifier_strict,
		 "WARN on a contract violation (default: report once per rule and count)");

unsigned int condis_pend_timeout_ms = 30000;
module_param_named(pend_timeout_ms, condis_pend_timeout_ms, uint, 0644);
MODULE_PARM_DESC(pend_timeout_ms,
		 "report a request still pending after this long (0: never; default 30000)");

/**
 * condis_set_pend_timeout_ms - set how long a request may stay pending
 *	before the verifier reports it (also the pend_timeout_ms parameter)
 * @ms: milliseconds, 0 for never
 *
 * Return: the previous value.
 */
unsigned int condis_set_pend_timeout_ms(unsigned int ms)
{
	return xchg(&condis_pend_timeout_ms, ms);
}
EXPORT_SYMBOL_IF_KUNIT(condis_set_pend_timeout_ms);

/**
 * condis_get_pend_timeout_ms - how long a request may stay pending
 *
 * A callee that pends a request for network time must complete it within
 * this (a call manager answering a make call ends its wait before it):
 * condis completes it with -ETIMEDOUT then and reports the callee.
 *
 * Context: any.
 * Return: pend_timeout_ms, 0 for never.
 */
unsigned int condis_get_pend_timeout_ms(void)
{
	return READ_ONCE(condis_pend_timeout_ms);
}
EXPORT_SYMBOL_GPL(condis_get_pend_timeout_ms);

static atomic_long_t vrf_count[__CONDIS_VRF_MAX];
static unsigned long vrf_reported;

static const char * const vrf_names[__CONDIS_VRF_MAX] = {
	[CONDIS_VRF_COMPLETE_TWICE]	= "complete-twice",
	[CONDIS_VRF_COMPLETE_PENDING]	= "complete-with-pending",
	[CONDIS_VRF_COMPLETE_UNPENDED]	= "complete-not-pended",
	[CONDIS_VRF_STALE_HANDLE]	= "stale-handle",
	[CONDIS_VRF_SEND_AFTER_CLOSE]	= "send-after-close",
	[CONDIS_VRF_DELETE_NOT_CREATOR]	= "delete-vc-not-creator",
	[CONDIS_VRF_PENDING_FORBIDDEN]	= "pending-forbidden",
	[CONDIS_VRF_REQUEST_TIMEOUT]	= "request-timeout",
	[CONDIS_VRF_WRONG_ROLE]		= "wrong-role",
	[CONDIS_VRF_CALL_NOT_ACTIVE]	= "call-up-on-inactive-vc",
	[CONDIS_VRF_CLOSE_ACTIVE]	= "call-down-on-active-vc",
	[CONDIS_VRF_DELETE_REFUSED]	= "delete-vc-refused-late",
	[CONDIS_VRF_SEND_KEPT]		= "frame-kept-wrongly",
};

static const char * const type_names[__CD_TYPE_MAX] = {
	[CD_ADAPTER] = "adapter", [CD_CLIENT] = "client", [CD_CM] = "cm",
	[CD_AF] = "af", [CD_SAP] = "sap", [CD_VC] = "vc", [CD_PARTY] = "party",
	[CD_CMVC] = "cmvc",
};

/* An object type's name, as debugfs condis/objects shows it. */
const char *cd_type_name(enum cd_type type)
{
	return type < __CD_TYPE_MAX ? type_names[type] : "?";
}

/**
 * condis_verifier_rule_name - a verifier rule's name
 * @rule: the rule
 *
 * Context: any.
 * Return: its name as debugfs condis/verifier shows it, "?" if unknown.
 */
const char *condis_verifier_rule_name(enum condis_verifier_rule rule)
{
	return rule < __CONDIS_VRF_MAX ? vrf_names[rule] : "?";
}
EXPORT_SYMBOL_IF_KUNIT(condis_verifier_rule_name);

/**
 * condis_verifier_count - how often a rule was broken since condis loaded
 * @rule: the rule
 *
 * Context: any.
 * Return: the count (0 for an unknown rule).
 */
unsigned long condis_verifier_count(enum condis_verifier_rule rule)
{
	return rule < __CONDIS_VRF_MAX ? atomic_long_read(&vrf_count[rule]) : 0;
}
EXPORT_SYMBOL_IF_KUNIT(condis_verifier_count);

bool cd_verifier_strict(void)
{
	return READ_ONCE(verifier_strict);
}

/**
 * cd_verify_report - record a contract violation
 * @rule: which rule
 * @o: the object concerned, or NULL
 * @what: the chain or a short explanation
 * @caller: the offending caller, or NULL when condis found it by itself
 *
 * Context: any.
 */
void cd_verify_report(enum condis_verifier_rule rule, const struct cd_obj *o,
		      const char *what, void *caller)
{
	const char *tname = o ? cd_type_name(o->type) : "-";
	u32 id = o ? o->id : 0;

	/*
	 * condis's own netlink client races teardown by design: a request
	 * for an object its adapter is taking away finds the handle gone
	 * before the client is told. Refused, but not the client's fault.
	 */
	if (rule == CONDIS_VRF_STALE_HANDLE && caller &&
	    within_module((unsigned long)caller, THIS_MODULE))
		return;
	atomic_long_inc(&vrf_count[rule]);
	trace_condis_verifier(vrf_names[rule], o ? o->type : 0, id, what);
	if (cd_verifier_strict()) {
		WARN(1, "condis verifier: %s: %s %u: %s (caller %pS)\n",
		     vrf_names[rule], tname, id, what, caller);
		return;
	}
	if (test_and_set_bit(rule, &vrf_reported))
		return;
	pr_err("condis verifier: %s: %s %u: %s (caller %pS); reported once, counted in debugfs condis/verifier\n",
	       vrf_names[rule], tname, id, what, caller);
	dump_stack();
}
