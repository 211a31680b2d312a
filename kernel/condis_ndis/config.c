// SPDX-License-Identifier: GPL-2.0
/*
 * A driver's configuration, NDIS's view of the registry: condis has none.
 * NdisOpenConfigurationEx opens, NdisReadConfiguration answers the
 * keywords NDIS predefines (NdisVersion, ProcessorType) and what
 * NdisWriteConfiguration wrote through the same handle, and finds no other
 * (NDIS_STATUS_FAILURE: the driver takes its default). A subkey opened by
 * name is an empty configuration of its own; there is none to open by
 * index, and no NetworkAddress. NdisCloseConfiguration frees what the
 * reads returned and the writes kept.
 */
#include <linux/ctype.h>
#include <linux/module.h>
#include <linux/slab.h>
#include "lib.h"

/* a configuration handle: the parameters its reads returned and its writes kept */
struct ndis_config {
	struct list_head values;	/* newest first */
};

struct ndis_config_value {
	struct list_head node;
	NDIS_STRING keyword;		/* a write's (in data), else empty */
	NDIS_CONFIGURATION_PARAMETER param;
	u8 data[];			/* a write's keyword, then its string or bytes */
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

static struct ndis_config *ndis_config_new(void)
{
	struct ndis_config *c = kzalloc(sizeof(*c), NDIS_GFP);

	if (c)
		INIT_LIST_HEAD(&c->values);
	return c;
}

/* the newest value written as @keyword, or NULL */
static PNDIS_CONFIGURATION_PARAMETER ndis_config_written(struct ndis_config *c,
							 PNDIS_STRING keyword)
{
	struct ndis_config_value *v;

	list_for_each_entry(v, &c->values, node)
		if (v->keyword.Buffer && NdisEqualString(&v->keyword, keyword, TRUE))
			return &v->param;
	return NULL;
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
	c = ndis_config_new();
	if (!c)
		return NDIS_STATUS_RESOURCES;
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

	*ParameterValue = ndis_config_written(c, Keyword);
	if (*ParameterValue) {
		*Status = NDIS_STATUS_SUCCESS;
		return;
	}
	if (ndis_keyword_is(Keyword, "NdisVersion")) {
		value = NdisGetVersion();
	} else if (ndis_keyword_is(Keyword, "ProcessorType")) {
		value = ndis_processor_type();
	} else {
		*Status = NDIS_STATUS_FAILURE;
		return;
	}
	v = kzalloc(sizeof(*v), NDIS_GFP);
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
 * NdisWriteConfiguration - keep a value, for reads through the same handle
 * @Status: NDIS_STATUS_SUCCESS, NDIS_STATUS_NOT_SUPPORTED (an unknown
 *	type) or NDIS_STATUS_RESOURCES
 * @ConfigurationHandle: NdisOpenConfigurationEx's
 * @Keyword: the entry's name
 * @ParameterValue: copied, its string or bytes too
 */
VOID NdisWriteConfiguration(PNDIS_STATUS Status, NDIS_HANDLE ConfigurationHandle,
			    PNDIS_STRING Keyword, PNDIS_CONFIGURATION_PARAMETER ParameterValue)
{
	struct ndis_config *c = ConfigurationHandle;
	struct ndis_config_value *v;
	const void *bytes = NULL;
	USHORT len = 0;

	switch (ParameterValue->ParameterType) {
	case NdisParameterInteger:
	case NdisParameterHexInteger:
		break;
	case NdisParameterString:
	case NdisParameterMultiString:
		bytes = ParameterValue->ParameterData.StringData.Buffer;
		len = ParameterValue->ParameterData.StringData.Length;
		break;
	case NdisParameterBinary:
		bytes = ParameterValue->ParameterData.BinaryData.Buffer;
		len = ParameterValue->ParameterData.BinaryData.Length;
		break;
	default:
		*Status = NDIS_STATUS_NOT_SUPPORTED;
		return;
	}
	v = kzalloc(struct_size(v, data, (size_t)Keyword->Length + len), NDIS_GFP);
	if (!v) {
		*Status = NDIS_STATUS_RESOURCES;
		return;
	}
	memcpy(v->data, Keyword->Buffer, Keyword->Length);
	v->keyword.Buffer = (PWSTR)v->data;
	v->keyword.Length = Keyword->Length;
	v->keyword.MaximumLength = Keyword->Length;
	v->param = *ParameterValue;
	if (bytes) {
		memcpy(v->data + Keyword->Length, bytes, len);
		if (ParameterValue->ParameterType == NdisParameterBinary) {
			v->param.ParameterData.BinaryData.Buffer = v->data + Keyword->Length;
		} else {
			v->param.ParameterData.StringData.Buffer = (PWSTR)(v->data + Keyword->Length);
			v->param.ParameterData.StringData.MaximumLength = len;
		}
	}
	list_add(&v->node, &c->values);
	*Status = NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(NdisWriteConfiguration);

/*
 * NdisOpenConfigurationKeyByName - a subkey: an empty configuration of its own
 * @Status: NDIS_STATUS_SUCCESS or NDIS_STATUS_FAILURE
 * @ConfigurationHandle: the key it is under
 * @SubKeyName: its name
 * @SubKeyHandle: receives it, closed with NdisCloseConfiguration
 */
VOID NdisOpenConfigurationKeyByName(PNDIS_STATUS Status, NDIS_HANDLE ConfigurationHandle,
				    PNDIS_STRING SubKeyName, PNDIS_HANDLE SubKeyHandle)
{
	*SubKeyHandle = ndis_config_new();
	*Status = *SubKeyHandle ? NDIS_STATUS_SUCCESS : NDIS_STATUS_FAILURE;
}
EXPORT_SYMBOL_GPL(NdisOpenConfigurationKeyByName);

/* NdisOpenConfigurationKeyByIndex - no key has subkeys to enumerate: NDIS_STATUS_FAILURE */
VOID NdisOpenConfigurationKeyByIndex(PNDIS_STATUS Status, NDIS_HANDLE ConfigurationHandle,
				     ULONG Index, PNDIS_STRING KeyName, PNDIS_HANDLE KeyHandle)
{
	*KeyHandle = NULL;
	*Status = NDIS_STATUS_FAILURE;
}
EXPORT_SYMBOL_GPL(NdisOpenConfigurationKeyByIndex);

/*
 * NdisReadNetworkAddress - no address overrides the hardware's:
 * NDIS_STATUS_FAILURE, and the driver uses its adapter's own
 */
VOID NdisReadNetworkAddress(PNDIS_STATUS Status, PVOID *NetworkAddress,
			    PUINT NetworkAddressLength, NDIS_HANDLE ConfigurationHandle)
{
	*NetworkAddress = NULL;
	*NetworkAddressLength = 0;
	*Status = NDIS_STATUS_FAILURE;
}
EXPORT_SYMBOL_GPL(NdisReadNetworkAddress);

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
