// SPDX-License-Identifier: GPL-2.0
/* The condis tracepoints (see trace.h), and the names of the states they trace. */
#include "internal.h"

static const char * const cd_state_kinds[__CD_ST_MAX] = {
	[CD_ST_AF] = "af", [CD_ST_SAP] = "sap", [CD_ST_CALL] = "call",
	[CD_ST_ACTIVATION] = "activation",
};

static const char * const cd_state_names[__CD_ST_MAX][6] = {
	[CD_ST_AF] = { [AF_OPENING] = "opening", [AF_OPEN] = "open",
		       [AF_CLOSING] = "closing", [AF_CLOSED] = "closed" },
	[CD_ST_SAP] = { [SAP_REGISTERING] = "registering", [SAP_ACTIVE] = "active",
			[SAP_DEREGISTERING] = "deregistering", [SAP_GONE] = "gone" },
	[CD_ST_CALL] = { [CALL_IDLE] = "idle", [CALL_OUTGOING] = "outgoing",
			 [CALL_INCOMING] = "incoming", [CALL_ACCEPTED] = "accepted",
			 [CALL_CONNECTED] = "connected", [CALL_CLOSING] = "closing" },
	[CD_ST_ACTIVATION] = { [ACT_INACTIVE] = "inactive", [ACT_ACTIVATING] = "activating",
			       [ACT_ACTIVE] = "active", [ACT_DEACTIVATING] = "deactivating" },
};

/**
 * cd_state_kind_name - what a kind of state is the state of
 * @kind: enum cd_state_kind
 *
 * Return: a static string ("call"), "?" for an unknown kind.
 */
const char *cd_state_kind_name(u8 kind)
{
	return kind < __CD_ST_MAX ? cd_state_kinds[kind] : "?";
}

/**
 * cd_state_name - the name of a state, as tracepoints and debugfs print it
 * @kind: enum cd_state_kind
 * @state: a value of its enum
 *
 * Return: a static string ("connected"), "?" for an unknown value.
 */
const char *cd_state_name(u8 kind, int state)
{
	const char *name = NULL;

	if (kind < __CD_ST_MAX && state >= 0 && state < ARRAY_SIZE(cd_state_names[0]))
		name = cd_state_names[kind][state];
	return name ?: "?";
}

#define CREATE_TRACE_POINTS
#include "trace.h"
