package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Session 27's three red teams (payments, finance and HR; telephony and network access; SaaS, developer tools and AI
 * applications), their findings fixed: each redacted case left a value whole, or labelled a number the reverse map
 * must never keep as a kept type, before; the unchanged cases were replaced before (false positives) or are
 * look-alikes of the same shapes.
 */
class PaymentsTelephonySaasSession27Test extends RedactedAndKeptCases {

  static Stream<Arguments> redacted() {
    return Stream.of(
        // a card or an account number is never labelled a kept type (before: <user>, written to the reverse map)
        Arguments.of("TC33 clearing record acct=4917610000000000 amt=000000012500 mcc=5411",
            "TC33 clearing record acct=<card> amt=000000012500 mcc=5411"),
        Arguments.of("R03 No Account trace=091000010000003 acct=9876543210123 routing=071000013",
            "R03 No Account trace=091000010000003 acct=<bank_account> routing=071000013"),
        Arguments.of("bamboohr-sync auth user=a3f9c2e7b18d4f6a0c5e2d9b7f1a8c3e6d4b2f90 password=x",
            "bamboohr-sync auth user=<secret> password=<secret>"),
        // card track data: track 1 whole (number, cardholder, discretionary data), track 2 with = or EMV's D
        Arguments.of("      <field id=\"45\" value=\"B4111111111111111^SMITH/JOHN A^25121011000000000000\"/>",
            "      <field id=\"45\" value=\"<card>\"/>"),
        Arguments.of("swipe received track1=%B4012888888881881^TANAKA/KENJI^2709101000000000000000? "
            + "track2=;4012888888881881=27091010000000000000?",
            "swipe received track1=%<card> track2=;<card>"),
        Arguments.of("{35: '5105105105105100D27112011234567800000', 48: 'R001'}", "{35: '<card>', 48: 'R001'}"),
        Arguments.of("ARQC validation failed tag57=4761739001010010D22122011143804400000F atc=0041",
            "ARQC validation failed tag57=<card> atc=0041"),
        Arguments.of("      <field id=\"35\" value=\"4111111111111111=25121011000012345678\"/>",
            "      <field id=\"35\" value=\"<card>\"/>"),
        Arguments.of("card_number=4111111111111111 card_cvc=123 card_pin=4821 pin_block=0412AC89ABCDEF67",
            "card_number=<card> card_cvc=<secret> card_pin=<secret> pin_block=<secret>"),
        // credentials: a Bearer token with ! or : inside, an Authorization without a scheme word
        Arguments.of("Authorization: Bearer 00D5g000004SxQ2!AQ4AQKjCfl0OYTrXNDVXdlLfgEOYBQV_DJj1E51ooSCDZ.NcIv2zYBhi2w",
            "Authorization: Bearer <auth>"),
        Arguments.of("Authorization: Bearer perm:cmthcG9vcg==.81wuMNP8.z9ifrvBL1jTEc58C5myeLAVkGSz7GR",
            "Authorization: Bearer <auth>"),
        Arguments.of("curl -H \"Authorization: api-b7e1d2c3-4f5a-4b6c-8d7e-9f0a1b2c3d4e\" https://app.example.com/api/v2",
            "curl -H \"Authorization: <auth>\" https://app.example.com/api/v2"),
        Arguments.of("{\"Authorization\":\"sk_8f3e2a1b-4c5d-6e7f-8a9b-0c1d2e3f4a5b\"}", "{\"Authorization\":\"<auth>\"}"),
        Arguments.of("curl -H \"Fastly-Key: hyELEgepLOKGH3jS4Lbp-83POZlX4aBG\" https://api.fastly.com/service",
            "curl -H \"Fastly-Key: <secret>\" https://api.fastly.com/service"),
        Arguments.of("LaunchDarkly client init sdkKey=sdk-3f2b7c1e-9a4d-4e8b-b1c2-7d6e5f4a3b21",
            "LaunchDarkly client init sdkKey=<secret>"),
        Arguments.of("FLAGSMITH_ENVIRONMENT_KEY=ser.210Ay7sIcsSwaZZRhAUPB8", "FLAGSMITH_ENVIRONMENT_KEY=<secret>"),
        // vendors' key prefixes alone
        Arguments.of("pinecone failed with key pcsk_1IvLr_u6MsVb2QZk7Yq8fD3nXh5JwT9cPeA4RgL0mSoUiK (401)",
            "pinecone failed with key <token> (401)"),
        Arguments.of("groq key gsk_PvLEpQy8Zx3Vb7Nc2Mq4Wr9Ts6Yu1Io5PaSdFgHjKlZxCvBn rejected", "groq key <token> rejected"),
        Arguments.of("openrouter 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 ok",
            "openrouter <token> ok"),
        // git's commit metadata in CI logs
        Arguments.of("Author:     Maria Lopez <maria.lopez@example.com>", "Author:     <name> <<email>>"),
        Arguments.of("7c1d9e2 Maria Lopez <maria.lopez@example.com> PAY-2210: fix rounding",
            "7c1d9e2 <name> <<email>> PAY-2210: fix rounding"),
        // a vector store's payload
        Arguments.of("payload={\"employee\":\"Sven Eriksson\",\"team\":\"Ops\"}",
            "payload={\"employee\":\"<name>\",\"team\":\"Ops\"}"),
        // NACHA's entry detail records: the DFI account and the individual's name by their columns
        Arguments.of("101 021000021 1234567890240301\n"
            + "6221210003584417829301       0000310000EMP004513      ROBERT J KOWALSKI       0091000010000002\n",
            "101 021000021 1234567890240301\n"
            + "622121000358<bank_account>       0000310000EMP004513      <name>       0091000010000002\n"),
        // identity numbers in KYC payloads and after their name in prose; bank accounts under more keys
        Arguments.of("{\"document_type\":\"passport\",\"document_number\":\"925076473\",\"personalNumber\":\"85031412347\"}",
            "{\"document_type\":\"passport\",\"document_number\":\"<national_id>\",\"personalNumber\":\"<national_id>\"}"),
        Arguments.of("ZUS DRA generated; ubezpieczony PESEL 85031412347 podstawa=8500,00 PLN",
            "ZUS DRA generated; ubezpieczony PESEL <national_id> podstawa=8500,00 PLN"),
        Arguments.of("nomina DNI 12345678Z IBAN ES9121000418450200051332", "nomina DNI <national_id> IBAN <iban>"),
        Arguments.of("OFS request: FUNDS.TRANSFER,/I/PROCESS,,DEBIT.ACCT.NO=0532013000,DEBIT.CURRENCY=EUR",
            "OFS request: FUNDS.TRANSFER,/I/PROCESS,,DEBIT.ACCT.NO=<bank_account>,DEBIT.CURRENCY=EUR"),
        Arguments.of("entry seq=2 rdfi=121000358 dfiAccount=4417829301 amount=3100.00",
            "entry seq=2 rdfi=121000358 dfiAccount=<bank_account> amount=3100.00"),
        Arguments.of("{\"aba\":\"111000025\",\"account\":\"5839201147\",\"type\":\"checking\"}",
            "{\"aba\":\"111000025\",\"account\":\"<bank_account>\",\"type\":\"checking\"}"),
        // SWIFT MT103's parties (an account line, a name, address lines), the structured :50F:, MT940's :25: and :86:
        Arguments.of("MT103 block 4:\n:20:PAY2024030100012\n:50K:/000123456789\nROBERT J KOWALSKI\n1234 MAPLE AVENUE APT 5\n"
            + ":52A:CHASUS33\n:59:/4417829301\nJOHANN BECKER\nHAUPTSTRASSE 12\n10115 BERLIN\n:70:INVOICE 2024-0142\n-}",
            "MT103 block 4:\n:20:PAY2024030100012\n:50K:/<bank_account>\n<name>\n<address>\n"
            + ":52A:CHASUS33\n:59:/<bank_account>\n<name>\n<address>\n<address>\n:70:INVOICE 2024-0142\n-}"),
        Arguments.of("x\n:50F:/0532013000\n1/KOWALSKA, ANNA MARIA\n2/UL. MARSZALKOWSKA 10\n3/PL/00-514 WARSZAWA\n4/19850314\n"
            + "7/PL/85031412347\n:59:/1234567",
            "x\n:50F:/<bank_account>\n1/<name>\n2/<address>\n3/<address>\n4/<birthdate>\n7/<national_id>\n:59:/<bank_account>"),
        Arguments.of("MT940\n:25:37040044/0532013000\n:86:166?00SEPA-GUTSCHRIFT?20EREF+FT24?31DE34120300000018765432?32Durand, Sebastien"
            + "\n:86:/EREF/X-1//NAME/MARIA GARCIA LOPEZ/ADDR/CALLE MAYOR 5 28013 MADRID/REMI/USTD//INVOICE 7781/",
            "MT940\n:25:<bank_account>\n:86:166?00SEPA-GUTSCHRIFT?20EREF+FT24?31<bank_account>?32<name>"
            + "\n:86:/EREF/X-1//NAME/<name>/ADDR/<address>/REMI/USTD//INVOICE 7781/"),
        // a phone's and a subscriber's identity under its key (kept in the map like a MAC address)
        Arguments.of("Device enrolled: IMEI=358810071234561 IMSI=310260123456789 platform=Android",
            "Device enrolled: IMEI=<device_id> IMSI=<device_id> platform=Android"),
        Arguments.of("{\"meid\":\"A0000012345678\",\"iccid\":\"8901260123456789012F\"}",
            "{\"meid\":\"<device_id>\",\"iccid\":\"<device_id>\"}"),
        Arguments.of("[amf] INFO: [imsi-310260123456789] Registration request", "[amf] INFO: [imsi-<device_id>] Registration request"),
        // DICOM's patient attributes: dcmdump's text and DICOM JSON (the patient id, an MRN, stays)
        Arguments.of("(0010,0010) PN [WHITAKER^JOHN^A]                          #  16, 1 PatientName",
            "(0010,0010) PN [<name>]                          #  16, 1 PatientName"),
        Arguments.of("(0010,0030) DA [19620214]   #   8, 1 PatientBirthDate\n(0010,0020) LO [00482913]   #   8, 1 PatientID",
            "(0010,0030) DA [<birthdate>]   #   8, 1 PatientBirthDate\n(0010,0020) LO [00482913]   #   8, 1 PatientID"),
        Arguments.of("{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"GARCIA^LUCIA\"}]},\"00100020\":{\"vr\":\"LO\","
            + "\"Value\":[\"ES-99120\"]},\"00100030\":{\"vr\":\"DA\",\"Value\":[\"19790311\"]}}",
            "{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"<name>\"}]},\"00100020\":{\"vr\":\"LO\","
            + "\"Value\":[\"ES-99120\"]},\"00100030\":{\"vr\":\"DA\",\"Value\":[\"<birthdate>\"]}}"),
        // a machine's RADIUS login is its name; UniFi's User[mac] is a MAC and the device's name; FreeRADIUS' request
        // number before a users-file entry stays
        Arguments.of("Auth: (1047) Login OK: [host/LAPTOP-JSMITH.corp.example.com] (from client sw-01 port 50112)",
            "Auth: (1047) Login OK: [host/<host>] (from client sw-01 port 50112)"),
        Arguments.of("[event] User[a4:83:e7:12:34:56] (Janes-iPhone) has connected to AP", "[event] User[<mac>] (<host>) has connected to AP"),
        Arguments.of("(5)   User-Name := \"alice\"", "(5)   User-Name := \"<user>\""),
        Arguments.of("Network Policy Server granted access to a user. User: Security ID: S-1-5-21-1 Account Name: jsmith",
            "Network Policy Server granted access to a user. User: Security ID: S-1-5-21-1 Account Name: <user>"),
        // Atlassian's access logs: the user after a request id
        Arguments.of("10.20.30.41 638x4821x2 jsmith [12/Nov/2024:10:38:12 +0000] \"GET /rest/api/2/issue/PROJ-123 HTTP/1.1\" 200",
            "<ipv4> 638x4821x2 <user> [12/Nov/2024:10:38:12 +0000] \"GET /rest/api/2/issue/PROJ-123 HTTP/1.1\" 200"),
        Arguments.of("10.44.7.201 | https | o1194x2281x3 | abarker | 2024-11-12 10:49:33,871 | \"POST /scm/x.git HTTP/1.1\"",
            "<ipv4> | https | o1194x2281x3 | <user> | 2024-11-12 10:49:33,871 | \"POST /scm/x.git HTTP/1.1\""),
        // SIP: display names before a SIP or tel: URI or an extension, a URI's user at an address
        Arguments.of("From: \"John Smith\" <sip:+14155552671@sip.carrier.example>;tag=1928301774",
            "From: \"<name>\" <sip:<phone>@sip.carrier.example>;tag=1928301774"),
        Arguments.of("To: Jane Doe <tel:+442079460958>", "To: <name> <tel:<phone>>"),
        Arguments.of("Call-ID: 3c26700b5a1f@10.0.0.5", "Call-ID: 3c26700b5a1f@<ipv4>"),
        Arguments.of("P-Asserted-Identity: <sip:+14155552671@gw01.example.net;user=phone>",
            "P-Asserted-Identity: <sip:<phone>@gw01.example.net;user=phone>"),
        Arguments.of("dhcpd[1211]: DHCPACK on 10.20.0.5 to f0:5c:19:aa:bb:cc via eth0",
            "dhcpd[1211]: DHCPACK on <ipv4> to <mac> via eth0"),
        Arguments.of("app_voicemail.c: Voicemail for 2045@default from \"Olga Petrova\" <5511987654321> saved",
            "app_voicemail.c: Voicemail for 2045@default from \"<name>\" <5511987654321> saved"),
        Arguments.of("Set(\"CALLERID(all)=\"Jane Doe\" <+14155550199>\")", "Set(\"CALLERID(all)=\"<name>\" <<phone>>\")"),
        Arguments.of("registrar:save: contact sip:lwei@10.8.3.77:5062;transport=udp registered",
            "registrar:save: contact sip:<user>@<ipv4>:5062;transport=udp registered"),
        Arguments.of("{\"caller_id_name\":\"Kenji Tanaka\",\"caller_id_number\":\"1004\"}",
            "{\"caller_id_name\":\"<name>\",\"caller_id_number\":\"1004\"}"),
        Arguments.of("{\"caller_id_number\":\"5511987654321\",\"destination_number\":\"+81312345678\"}",
            "{\"caller_id_number\":\"<phone>\",\"destination_number\":\"<phone>\"}"),
        // Asterisk's voicemail.conf: the box's PIN and its owner
        Arguments.of("2045 => 4821,Sofia Alvarez,sofia@example.com,,attach=yes|delete=no",
            "2045 => <secret>,<name>,<email>,,attach=yes|delete=no"),
        // MAC addresses under their keys, also without separators; DHCP clients' own names
        Arguments.of("{\"wiFiMacAddress\":\"a483e7123456\",\"model\":\"iPhone 15\"}",
            "{\"wiFiMacAddress\":\"<mac>\",\"model\":\"iPhone 15\"}"),
        Arguments.of("Common.Host-MAC-Address=f05c19aabbcc,Common.Service=Corp-WiFi", "Common.Host-MAC-Address=<mac>,Common.Service=Corp-WiFi"),
        Arguments.of("httpd.portal(12345) INFO: [mac:f0:5c:19:aa:bb:cc] User authenticated", "httpd.portal(12345) INFO: [mac:<mac>] User authenticated"),
        Arguments.of("dhcpd[1211]: DHCPACK on 10.20.0.5 to f0:5c:19:aa:bb:cc (LAPTOP-JSMITH) via eth0",
            "dhcpd[1211]: DHCPACK on <ipv4> to <mac> (<host>) via eth0"),
        Arguments.of("dnsmasq-dhcp[812]: DHCPACK(br-lan) 10.20.0.6 3c:22:fb:12:34:56 Kens-iPad",
            "dnsmasq-dhcp[812]: DHCPACK(br-lan) <ipv4> <mac> <host>"),
        Arguments.of("type=\"traffic\" srcname=\"Janes-iPhone\" devicehostname=LAPTOP-JDOE action=\"accept\"",
            "type=\"traffic\" srcname=\"<host>\" devicehostname=<host> action=\"accept\""),
        Arguments.of("{\"deviceName\":\"Priya's iPhone\",\"model\":\"iPhone 15\"}", "{\"deviceName\":\"<host>\",\"model\":\"iPhone 15\"}"));
  }

  static Stream<Arguments> unchanged() {
    return Stream.of(
        // an AWS load balancer's and an access log's status and byte columns (before: a phone number)
        Arguments.of("https 2024-11-12T11:50:05.118Z app/x-alb/50dc6c495c0c9188 0.001 0.041 0.000 404 404 733 2211 \"GET / HTTP/2.0\""),
        Arguments.of("\"GET /api/v1/orders HTTP/1.1\" 200 512 1234 \"-\""),
        // a phone number after a plus is no card number; an Authorization setting is no credential
        Arguments.of("authorization=enabled_for_all_users mode=strict"),
        Arguments.of("Authorization: required"),
        // a track's look-alikes: hex after a quote, a number and an equals sign that is no track
        Arguments.of("{\"id\":\"b4e2f0a1c3d5e7f9\",\"x\":'B5'}"),
        Arguments.of("total=4111 items=12 ratio=0.5"),
        // git: a hex word that is no abbreviated commit, a display name after a lower-case word
        Arguments.of("deadbeef Jane Doe wrote this"),
        Arguments.of("employee: 42, candidate: true"),
        // SIP's look-alikes: a URI's user=phone parameter, a Call-ID, a display name that is a number
        Arguments.of("Call-ID: a84b4c76e66710@pc33.atlanta.example"),
        // MAC keys' look-alikes, a DHCP line without a client name, netfilter's 14 pairs stay the shape detector's
        Arguments.of("mac=auto macaddress_policy=random mac_filter=enabled"),
        Arguments.of("cache machine=build-01 macro=expand"),
        // an account that is no bank's, a document that is no number
        Arguments.of("{\"account\":\"prod-main\",\"document_number\":\"pending\"}"),
        Arguments.of("the pesel check passed, nie wieder"),
        // SWIFT's other fields, a tag in a line's middle
        Arguments.of("x\n:20:PAY2024030100012\n:32A:240301EUR12500,00\n:57A:COBADEFFXXX\n:71A:SHA"),
        Arguments.of("at 10:50:59: retry 3 of 5"),
        // a line from 6 and digits that is no NACHA record (its length, its columns)
        Arguments.of("x\n62 requests in 5 s\n6221210003584417829301 short line of another kind\n"),
        // device ids' look-alikes: a short number, a word after the key; DICOM's ids and codes
        Arguments.of("imei=unknown imsi_filter=enabled udid=00008120-000A1B2C3D4E5F60"),
        // false positives the red teams found: a card's expiry, a placeholder IBAN's zeros, a mandate's record id,
        // a network OS's version, a flag, FreeRADIUS' request number and default value, Windows' next label,
        // a built-in pseudo-user
        Arguments.of("[stripe] Invalid expiry for card ending 4242 on pi_3OsX4cLkdIwHu7ix0Zr8KqLm"),
        Arguments.of("IBAN format check failed for input \"DE00 0000 0000 0000 0000 00\" (checksum)"),
        Arguments.of("mandates.created customer_bank_account=BA000789MNOPQR account_number_ending=11"),
        Arguments.of("ArubaOS 8.11.2.1 (build 88766)"),
        Arguments.of("SecurityEvent=\"SuccessfulAuth\",UsingPassword=\"1\",Module=\"pjsip\""),
        Arguments.of("(6) mschap: EXPAND --username=%{mschap:User-Name:-None}"),
        Arguments.of("vpn=ivanti-vpn01 user=System realm=\"\""),
        Arguments.of("(0010,0020) LO [00482913]  #   8, 1 PatientID\n(0008,0060) CS [MR]  #   2, 1 Modality"));
  }
}
