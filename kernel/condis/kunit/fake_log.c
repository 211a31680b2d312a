// SPDX-License-Identifier: GPL-2.0
/*
 * The fake roles' log: every handler call with its status, in order, for
 * the KUnit suites to assert on.
 */
#include <linux/hardirq.h>
#include "fake_log.h"
#include "fakes.h"

void fake_log(struct fake_world *w, enum fake_ev ev, int status)
{
	unsigned long flags;

	spin_lock_irqsave(&w->lock, flags);
	if (w->nev < FAKE_LOG_MAX) {
		w->ev[w->nev] = ev;
		w->ev_status[w->nev] = status;
		w->nev++;
	}
	spin_unlock_irqrestore(&w->lock, flags);
	wake_up_all(&w->wq);
}

/* Log from a handler condis promised to run in process context. */
void fake_log_proc(struct fake_world *w, enum fake_ev ev, int status)
{
	if (!in_task() || irqs_disabled() || preempt_count())
		atomic_inc(&w->ctx_violations);
	if (current == READ_ONCE(w->completer))
		atomic_inc(&w->direct_runs);
	fake_log(w, ev, status);
}

int fake_count(struct fake_world *w, enum fake_ev ev)
{
	unsigned long flags;
	int i, n = 0;

	spin_lock_irqsave(&w->lock, flags);
	for (i = 0; i < w->nev; i++)
		n += w->ev[i] == ev;
	spin_unlock_irqrestore(&w->lock, flags);
	return n;
}

/* Position of the @nth (from 1) @ev in the log, or INT_MAX. */
int fake_index(struct fake_world *w, enum fake_ev ev, int nth)
{
	unsigned long flags;
	int i, ret = INT_MAX;

	spin_lock_irqsave(&w->lock, flags);
	for (i = 0; i < w->nev; i++)
		if (w->ev[i] == ev && !--nth) {
			ret = i;
			break;
		}
	spin_unlock_irqrestore(&w->lock, flags);
	return ret;
}

int fake_status(struct fake_world *w, enum fake_ev ev, int nth)
{
	int i = fake_index(w, ev, nth);

	return i == INT_MAX ? INT_MIN : w->ev_status[i];
}

/*
 * Events are logged from inside handlers: once seen, let the delivery that
 * logged it return, or what the test does next (a delete) queues behind it.
 */
bool fake_wait(struct fake_world *w, enum fake_ev ev, int n)
{
	if (!wait_event_timeout(w->wq, fake_count(w, ev) >= n, 10 * HZ))
		return false;
	/*
	 * with direct completion the event's handler may have run in a fake
	 * work item, still delivering: condis_flush() does not wait for it
	 */
	if (w->direct && !wait_event_timeout(w->wq, !atomic_read(&w->completing), 10 * HZ))
		return false;
	condis_flush();
	return true;
}

unsigned long fake_vrf_delta(struct fake_world *w, enum condis_verifier_rule r)
{
	return condis_verifier_count(r) - w->base_vrf[r];
}

