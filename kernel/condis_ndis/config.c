// SPDX-License-Identifier: GPL-2.0
/*
 * A driver's configuration, NDIS's view of the registry: condis has none.
 * NdisOpenConfigurationEx opens, NdisReadConfiguration answers the
 * keywords NDIS predefines (NdisVersion, ProcessorType) and finds no other
 * (NDIS_STATUS_FAILURE: the driver takes its default), NdisCloseConfiguration
 * frees what the reads returned.
 */
#include <linux/ctype.h>
#include <linux/module.h>
#include <linux/slab.h>
#include "lib.h"

/* a configuration handle: the parameters its reads returned */
struct ndis_config {
	struct list_head values;
};

struct ndis_config_value {
	struct list_head node;
	NDIS_CONFIGURATION_PARAMETER param;
};

/* @keyword (counted, UTF-16) is @name, case aside (registry names are) */
static bool ndis_keyword_is(PNDIS_STRING keyword, const char *name)
{
	USHORT n = keyword->Length / sizeof(WCHAR), i;

	if (!keyword->Buffer || n != strlen(name))
		return false;
	for (i = 0; i < n; i++)
		if (keyword->Buffer[i] > 0x7f ||
		    tolower(keyword->Buffer[i]) != tolower(name[i]))
			return false;
	return true;
}

static ULONG ndis_processor_type(void)
{
	if (IS_ENABLED(CONFIG_X86_64))
		return NdisProcessorAmd64;
	if (IS_ENABLED(CONFIG_ARM64))
		return NdisProcessorArm64;
	if (IS_ENABLED(CONFIG_ARM))
		return NdisProcessorArm;
	return NdisProcessorX86;
}

/*
 * NdisOpenConfigurationEx - open a driver's configuration
 * @ConfigObject: the driver's or adapter's handle it is for
 * @ConfigurationHandle: receives the handle
 */
NDIS_STATUS NdisOpenConfigurationEx(PNDIS_CONFIGURATION_OBJECT ConfigObject,
				    PNDIS_HANDLE ConfigurationHandle)
{
	struct ndis_config *c;

	*ConfigurationHandle = NULL;
	if (!ConfigObject || ConfigObject->Header.Type != NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT)
		return NDIS_STATUS_INVALID_PARAMETER;
	c = kzalloc(sizeof(*c), GFP_ATOMIC | __GFP_NOWARN);
	if (!c)
		return NDIS_STATUS_RESOURCES;
	INIT_LIST_HEAD(&c->values);
	*ConfigurationHandle = c;
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(NdisOpenConfigurationEx);

/*
 * NdisReadConfiguration - a configuration entry
 * @Status: NDIS_STATUS_SUCCESS, NDIS_STATUS_FAILURE (not found) or
 *	NDIS_STATUS_RESOURCES
 * @ParameterValue: receives the value, valid until the configuration closes
 * @ConfigurationHandle: NdisOpenConfigurationEx's
 * @Keyword: the entry's name
 * @ParameterType: ignored, as on Windows
 */
VOID NdisReadConfiguration(PNDIS_STATUS Status, PNDIS_CONFIGURATION_PARAMETER *ParameterValue,
			   NDIS_HANDLE ConfigurationHandle, PNDIS_STRING Keyword,
			   NDIS_PARAMETER_TYPE ParameterType)
{
	struct ndis_config *c = ConfigurationHandle;
	struct ndis_config_value *v;
	ULONG value;

	*ParameterValue = NULL;
	if (ndis_keyword_is(Keyword, "NdisVersion")) {
		value = NdisGetVersion();
	} else if (ndis_keyword_is(Keyword, "ProcessorType")) {
		value = ndis_processor_type();
	} else {
		*Status = NDIS_STATUS_FAILURE;
		return;
	}
	v = kzalloc(sizeof(*v), GFP_ATOMIC | __GFP_NOWARN);
	if (!v) {
		*Status = NDIS_STATUS_RESOURCES;
		return;
	}
	v->param.ParameterType = NdisParameterInteger;
	v->param.ParameterData.IntegerData = value;
	list_add(&v->node, &c->values);
	*ParameterValue = &v->param;
	*Status = NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(NdisReadConfiguration);

/*
 * NdisCloseConfiguration - close a configuration; what its reads returned goes
 * @ConfigurationHandle: NdisOpenConfigurationEx's
 */
VOID NdisCloseConfiguration(NDIS_HANDLE ConfigurationHandle)
{
	struct ndis_config *c = ConfigurationHandle;
	struct ndis_config_value *v, *t;

	if (!c)
		return;
	list_for_each_entry_safe(v, t, &c->values, node)
		kfree(v);
	kfree(c);
}
EXPORT_SYMBOL_GPL(NdisCloseConfiguration);
