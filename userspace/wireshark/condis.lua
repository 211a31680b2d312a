-- SPDX-License-Identifier: GPL-2.0
--
-- Wireshark dissector for condis over Ethernet (EtherType 0x88B5): the
-- signalling protocol of condis_sig and the data frames of its VCs, as
-- Documentation/condis/signalling.rst describes them.
--
--   tshark -X lua_script:condis.lua -r capture.pcapng
--   wireshark: copy to ~/.local/lib/wireshark/plugins/ (make install puts
--   it in Wireshark's global plugin folder)
--
-- Display filters: condis, condis.type, condis.ref, condis.cause, ...

local condis = Proto("condis", "condis signalling and VC data")

local ETHERTYPE = 0x88B5
local VERSION = 2
local HDR_LEN = 12	-- struct condis_wire_hdr
local SIG_LEN = 100	-- struct condis_wire_sig
local SAP_MAX = 64

local types = {
	[0] = "DATA", "SETUP", "CONNECT", "CONNECT ACK", "RELEASE",
	"RELEASE COMPLETE", "ADD PARTY", "ADD PARTY ACK", "ADD PARTY REJECT",
	"DROP PARTY", "DROP PARTY ACK", "MODIFY", "MODIFY ACK",
	"MODIFY REJECT", "STATUS", "CALL PROCEEDING",
}

-- the causes condis_sig sends: condis's closed set (kernel/condis/status.c)
local causes = {
	[0x00000000] = "NDIS_STATUS_SUCCESS",
	[0x00000103] = "NDIS_STATUS_PENDING",
	[0xC0000001] = "NDIS_STATUS_FAILURE",
	[0xC000009A] = "NDIS_STATUS_RESOURCES",
	[0xC00000BB] = "NDIS_STATUS_NOT_SUPPORTED",
	[0xC0000010] = "NDIS_STATUS_INVALID_DEVICE_REQUEST",
	[0x00010003] = "NDIS_STATUS_NOT_ACCEPTED",
	[0xC0010002] = "NDIS_STATUS_CLOSING",
	[0xC001000C] = "NDIS_STATUS_REQUEST_ABORTED",
	[0xC001000F] = "NDIS_STATUS_INVALID_PACKET",
	[0xC0010011] = "NDIS_STATUS_ADAPTER_NOT_READY",
	[0xC0010014] = "NDIS_STATUS_INVALID_LENGTH",
	[0xC0010015] = "NDIS_STATUS_INVALID_DATA",
	[0xC0010016] = "NDIS_STATUS_BUFFER_TOO_SHORT",
	[0xC0010017] = "NDIS_STATUS_INVALID_OID",
	[0xC0010018] = "NDIS_STATUS_ADAPTER_REMOVED",
	[0xC001001F] = "NDIS_STATUS_NO_CABLE",
	[0xC0010020] = "NDIS_STATUS_INVALID_SAP",
	[0xC0010021] = "NDIS_STATUS_SAP_IN_USE",
	[0xC0010022] = "NDIS_STATUS_INVALID_ADDRESS",
	[0xC0010023] = "NDIS_STATUS_VC_NOT_ACTIVATED",
	[0xC0010024] = "NDIS_STATUS_DEST_OUT_OF_ORDER",
	[0xC0010025] = "NDIS_STATUS_VC_NOT_AVAILABLE",
	[0xC0010026] = "NDIS_STATUS_CELLRATE_NOT_AVAILABLE",
	[0xC0010027] = "NDIS_STATUS_INCOMPATABLE_QOS",
	[0xC0010028] = "NDIS_STATUS_AAL_PARAMS_UNSUPPORTED",
	[0xC0010029] = "NDIS_STATUS_NO_ROUTE_TO_DESTINATION",
}

local states = {
	[0] = "null", "calling", "offered", "connecting", "active", "releasing",
	"gone",
}

local service_types = {
	[0] = "no traffic", "best effort", "controlled load", "guaranteed",
	"network unavailable", "general information", "no change",
}

-- what each message type carries (signalling.rst, "Signalling messages")
local with_label = { [1] = true, [2] = true, [6] = true, [7] = true }
local with_params = { [1] = true, [2] = true, [6] = true, [7] = true,
		      [11] = true }	-- MODIFY ACK has room for them: zeroes
local with_cause = { [4] = true, [5] = true, [8] = true, [13] = true,
		     [14] = true }
local with_sap = { [1] = true, [6] = true }

local f = condis.fields
f.version = ProtoField.uint8("condis.version", "Version")
f.type = ProtoField.uint8("condis.type", "Type", base.DEC, types)
f.flags = ProtoField.uint16("condis.flags", "Flags", base.HEX)
f.from_caller = ProtoField.bool("condis.flags.from_caller", "From caller", 16, nil, 0x0001)
f.multipoint = ProtoField.bool("condis.flags.multipoint", "Multipoint leg", 16, nil, 0x0002)
f.ref = ProtoField.uint32("condis.ref", "Call reference", base.HEX)
f.token = ProtoField.uint32("condis.token", "Receiver's call token", base.HEX)
f.vc_label = ProtoField.uint32("condis.vc_label", "Receiver's VC label", base.DEC)
f.vc_token = ProtoField.uint32("condis.vc_token", "Receiver's data token", base.HEX)
f.cause = ProtoField.uint32("condis.cause", "Cause", base.HEX, causes)
f.label = ProtoField.uint32("condis.label", "Sender's VC label", base.DEC)
f.call_token = ProtoField.uint32("condis.call_token", "Sender's call token", base.HEX)
f.data_token = ProtoField.uint32("condis.data_token", "Sender's data token", base.HEX)
f.state = ProtoField.uint8("condis.state", "Sender's state", base.DEC, states)
f.sap_len = ProtoField.uint8("condis.sap_len", "SAP length")
f.sap_type = ProtoField.uint16("condis.sap_type", "SAP type")
f.call_flags = ProtoField.uint32("condis.params.flags", "Call parameter flags", base.HEX)
f.permanent = ProtoField.bool("condis.params.flags.permanent_vc", "Permanent VC", 32, nil, 0x01)
f.changed = ProtoField.bool("condis.params.flags.parameters_changed", "Parameters changed", 32, nil, 0x02)
f.query = ProtoField.bool("condis.params.flags.query_parameters", "Query parameters", 32, nil, 0x04)
f.broadcast = ProtoField.bool("condis.params.flags.broadcast_vc", "Broadcast VC", 32, nil, 0x08)
f.multipoint_vc = ProtoField.bool("condis.params.flags.multipoint_vc", "Multipoint VC", 32, nil, 0x10)
f.sap = ProtoField.bytes("condis.sap", "Called SAP address")
f.sap_text = ProtoField.string("condis.sap.text", "Called SAP (text)")

local flowspec = {
	{ "token_rate", "Token rate (B/s)" },
	{ "token_bucket_size", "Token bucket size (B)" },
	{ "peak_bandwidth", "Peak bandwidth (B/s)" },
	{ "latency", "Latency (us)" },
	{ "delay_variation", "Delay variation (us)" },
	{ "service_type", "Service type", service_types },
	{ "max_sdu_size", "Maximum SDU size (B)" },
	{ "minimum_policed_size", "Minimum policed size (B)" },
}
local fs_fields = { tx = {}, rx = {} }
for dir, _ in pairs(fs_fields) do
	for i, d in ipairs(flowspec) do
		local field = ProtoField.uint32("condis." .. dir .. "." .. d[1], d[2],
						base.DEC, d[3])
		fs_fields[dir][i] = field
		f[dir .. "_" .. d[1]] = field
	end
end

local e_short = ProtoExpert.new("condis.short", "Frame shorter than its type's fixed part",
				expert.group.MALFORMED, expert.severity.ERROR)
local e_version = ProtoExpert.new("condis.bad_version", "Unknown version: condis drops the frame",
				  expert.group.MALFORMED, expert.severity.ERROR)
local e_type = ProtoExpert.new("condis.bad_type", "Unknown message type: condis drops the frame",
			       expert.group.MALFORMED, expert.severity.ERROR)
local e_sap = ProtoExpert.new("condis.bad_sap", "SAP length out of range (1 to 64)",
			      expert.group.MALFORMED, expert.severity.ERROR)
condis.experts = { e_short, e_version, e_type, e_sap }

local data = Dissector.get("data")

local function printable(tvb)
	local s = tvb:raw()
	return s:match("^[%g ]+$") and s or nil
end

local function dissect_flowspec(range, tree, dir, title)
	local sub = tree:add(range, title)
	local tvb = range:tvb()
	for i = 1, 8 do
		sub:add(fs_fields[dir][i], tvb((i - 1) * 4, 4))
	end
end

local function dissect_sig(tvb, pinfo, tree, mtype)
	local info = {}
	if tvb:len() < SIG_LEN then
		tree:add_proto_expert_info(e_short)
		return
	end
	local cause = tvb(12, 4):uint()
	tree:add(f.cause, tvb(12, 4))
	if with_cause[mtype] then
		info[#info + 1] = "cause=" .. (causes[cause] or string.format("0x%08x", cause))
	end
	tree:add(f.label, tvb(16, 4))
	tree:add(f.call_token, tvb(20, 4))
	tree:add(f.data_token, tvb(24, 4))
	tree:add(f.state, tvb(28, 1))
	tree:add(f.sap_len, tvb(29, 1))
	tree:add(f.sap_type, tvb(30, 2))
	if with_label[mtype] then
		info[#info + 1] = "label=" .. tvb(16, 4):uint()
	end
	if mtype == 14 then
		info[#info + 1] = "state=" .. (states[tvb(28, 1):uint()] or tvb(28, 1):uint())
	end
	local p = tree:add(tvb(32, 68), "Call parameters")
	local fl = p:add(f.call_flags, tvb(32, 4))
	fl:add(f.permanent, tvb(32, 4))
	fl:add(f.changed, tvb(32, 4))
	fl:add(f.query, tvb(32, 4))
	fl:add(f.broadcast, tvb(32, 4))
	fl:add(f.multipoint_vc, tvb(32, 4))
	dissect_flowspec(tvb(36, 32), p, "tx", "Transmit flowspec")
	dissect_flowspec(tvb(68, 32), p, "rx", "Receive flowspec")
	if with_params[mtype] then
		info[#info + 1] = "sdu=" .. tvb(60, 4):uint() .. "/" .. tvb(92, 4):uint()
	end

	local sap_len = tvb(29, 1):uint()
	if with_sap[mtype] then
		if sap_len < 1 or sap_len > SAP_MAX or tvb:len() < SIG_LEN + sap_len then
			tree:add_proto_expert_info(e_sap)
		else
			local sap = tvb(SIG_LEN, sap_len)
			tree:add(f.sap, sap)
			local text = printable(sap:tvb())
			if text then
				tree:add(f.sap_text, sap, text)
				info[#info + 1] = "sap=" .. text
			end
		end
	end
	return table.concat(info, " ")
end

function condis.dissector(tvb, pinfo, tree)
	if tvb:len() < HDR_LEN then
		return 0
	end
	pinfo.cols.protocol = "condis"
	local t = tree:add(condis, tvb())
	local version = tvb(0, 1):uint()
	local mtype = tvb(1, 1):uint()
	t:add(f.version, tvb(0, 1))
	if version ~= VERSION then
		t:add_proto_expert_info(e_version)
		pinfo.cols.info = "unknown version " .. version
		return tvb:len()
	end
	t:add(f.type, tvb(1, 1))
	local fl = t:add(f.flags, tvb(2, 2))
	fl:add(f.from_caller, tvb(2, 2))
	fl:add(f.multipoint, tvb(2, 2))

	if mtype == 0 then
		t:add(f.vc_label, tvb(4, 4))
		t:add(f.vc_token, tvb(8, 4))
		pinfo.cols.info = string.format("DATA label=%d len=%d", tvb(4, 4):uint(),
						tvb:len() - HDR_LEN)
		if tvb:len() > HDR_LEN then
			data:call(tvb(HDR_LEN):tvb(), pinfo, tree)
		end
		return tvb:len()
	end
	local name = types[mtype]
	if not name then
		t:add_proto_expert_info(e_type)
		pinfo.cols.info = "unknown type " .. mtype
		return tvb:len()
	end
	t:add(f.ref, tvb(4, 4))
	t:add(f.token, tvb(8, 4))
	t:append_text(", " .. name)
	local side = bit.band(tvb(2, 2):uint(), 1) ~= 0 and "caller" or "called"
	local more = dissect_sig(tvb, pinfo, t, mtype)
	pinfo.cols.info = string.format("%s ref=0x%08x from %s%s", name, tvb(4, 4):uint(), side,
					more and more ~= "" and " " .. more or "")
	return tvb:len()
end

DissectorTable.get("ethertype"):add(ETHERTYPE, condis)
