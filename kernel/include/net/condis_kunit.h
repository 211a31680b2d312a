/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <net/condis_kunit.h>: what condis exports for its KUnit suites only
 * (EXPORT_SYMBOL_IF_KUNIT, namespace EXPORTED_FOR_KUNIT_TESTING: a test
 * module says MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING)). No role
 * uses these.
 */
#ifndef _NET_CONDIS_KUNIT_H
#define _NET_CONDIS_KUNIT_H

#include <net/condis.h>

/* kunit/visibility.h came in 6.2, as GENL_SET_ERR_MSG_FMT did */
#include <net/genetlink.h>
#ifdef GENL_SET_ERR_MSG_FMT
#include <kunit/visibility.h>
#else	/* 6.1: its export, whether KUnit is built or not */
#define EXPORT_SYMBOL_IF_KUNIT(symbol) \
	EXPORT_SYMBOL_NS_GPL(symbol, EXPORTED_FOR_KUNIT_TESTING)
#endif

/**
 * enum condis_verifier_rule - the contract rules the verifier counts
 * @CONDIS_VRF_COMPLETE_TWICE: a request completed a second time
 * @CONDIS_VRF_COMPLETE_PENDING: a completion carrying CONDIS_PENDING
 * @CONDIS_VRF_COMPLETE_UNPENDED: a completion for no outstanding request
 * @CONDIS_VRF_STALE_HANDLE: a handle no longer valid (or NULL)
 * @CONDIS_VRF_SEND_AFTER_CLOSE: a send on a VC without a connected call
 * @CONDIS_VRF_DELETE_NOT_CREATOR: a VC deleted by the role that did not create it
 * @CONDIS_VRF_PENDING_FORBIDDEN: PENDING from a handler that may not pend
 * @CONDIS_VRF_REQUEST_TIMEOUT: a request pending past pend_timeout_ms
 * @CONDIS_VRF_WRONG_ROLE: a request from a role it is not for
 * @CONDIS_VRF_CALL_NOT_ACTIVE: a call's success on a VC that is not active
 * @CONDIS_VRF_CLOSE_ACTIVE: a close's success on a VC left active
 * @CONDIS_VRF_DELETE_REFUSED: a delete_vc refusal condis could not honour
 * @CONDIS_VRF_SEND_KEPT: a send completed without its frame where the
 *	miniport could not keep it (condis_mco_send_may_keep())
 * @__CONDIS_VRF_MAX: the number of rules
 */
enum condis_verifier_rule {
	CONDIS_VRF_COMPLETE_TWICE,
	CONDIS_VRF_COMPLETE_PENDING,
	CONDIS_VRF_COMPLETE_UNPENDED,
	CONDIS_VRF_STALE_HANDLE,
	CONDIS_VRF_SEND_AFTER_CLOSE,
	CONDIS_VRF_DELETE_NOT_CREATOR,
	CONDIS_VRF_PENDING_FORBIDDEN,
	CONDIS_VRF_REQUEST_TIMEOUT,
	CONDIS_VRF_WRONG_ROLE,
	CONDIS_VRF_CALL_NOT_ACTIVE,
	CONDIS_VRF_CLOSE_ACTIVE,
	CONDIS_VRF_DELETE_REFUSED,
	CONDIS_VRF_SEND_KEPT,
	__CONDIS_VRF_MAX,
};

unsigned long condis_objects_live(void);
unsigned long condis_verifier_count(enum condis_verifier_rule rule);
const char *condis_verifier_rule_name(enum condis_verifier_rule rule);
unsigned int condis_set_pend_timeout_ms(unsigned int ms);

#endif /* _NET_CONDIS_KUNIT_H */
