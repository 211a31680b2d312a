/* SPDX-License-Identifier: GPL-2.0 */
/* The condis_chains cases in chains_call_test.c. */
#ifndef _CONDIS_KUNIT_CHAINS_CALL_H
#define _CONDIS_KUNIT_CHAINS_CALL_H

struct kunit;

void vc_create_activate_delete(struct kunit *test);
void vc_create_fails(struct kunit *test);
void vc_delete_atomic(struct kunit *test);
void vc_delete_refused(struct kunit *test);
void call_make_close(struct kunit *test);
void call_close_fails(struct kunit *test);
void call_params_changed(struct kunit *test);
void call_fails_party_invalid(struct kunit *test);
void call_success_without_activation(struct kunit *test);
void call_close_success_on_active_vc(struct kunit *test);
void call_incoming(struct kunit *test);
void call_connected_crosses_close(struct kunit *test);
void call_close_while_cm_hears_answer(struct kunit *test);
void call_close_after_make_ordered(struct kunit *test);
void call_qos(struct kunit *test);
void call_qos_before_answer(struct kunit *test);
void call_qos_change_crosses_close(struct kunit *test);
void call_parties(struct kunit *test);
void call_close_waits_for_parties(struct kunit *test);

#endif /* _CONDIS_KUNIT_CHAINS_CALL_H */
