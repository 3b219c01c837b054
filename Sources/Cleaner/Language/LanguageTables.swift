/// The data the language identifier reads: Unicode blocks by writing system, and for the writing
/// systems several languages share, each language's most frequent function words.
///
/// Why function words: in any text of a few sentences they make 30-50% of the words, they differ
/// between languages that share an alphabet, and a list of a few dozen per language needs no
/// model. The lists are the top entries of the usual frequency lists (Snowball's stop-word lists,
/// Wikipedia word counts), kept to words that carry their language: neighbours that share most
/// of them (Danish and Norwegian, Czech and Slovak, Spanish, Portuguese and Catalan) differ in the
/// words that remain (`af`/`av`, `se`/`sa`, `y`/`e`/`i`).
enum LanguageTables {
    enum Script: Int, Sendable, Hashable, CaseIterable {
        case latin, greek, cyrillic, armenian, hebrew, arabic, devanagari, bengali, gurmukhi, gujarati, oriya, tamil,
            telugu, kannada, malayalam, sinhala, thai, lao, myanmar, georgian, hangul, ethiopic, khmer, kana, han
    }

    /// Unicode blocks (first, last scalar) of each writing system's letters.
    static let blocks: [(ClosedRange<UInt32>, Script)] = [
        (0x0041...0x005A, .latin), (0x0061...0x007A, .latin), (0x00C0...0x024F, .latin), (0x1E00...0x1EFF, .latin),
        (0x0370...0x03FF, .greek), (0x1F00...0x1FFF, .greek), (0x0400...0x052F, .cyrillic), (0x0530...0x058F, .armenian),
        (0x0590...0x05FF, .hebrew), (0x0600...0x06FF, .arabic), (0x0750...0x077F, .arabic), (0xFB50...0xFDFF, .arabic),
        (0xFE70...0xFEFF, .arabic), (0x0900...0x097F, .devanagari), (0x0980...0x09FF, .bengali), (0x0A00...0x0A7F, .gurmukhi),
        (0x0A80...0x0AFF, .gujarati), (0x0B00...0x0B7F, .oriya), (0x0B80...0x0BFF, .tamil), (0x0C00...0x0C7F, .telugu),
        (0x0C80...0x0CFF, .kannada), (0x0D00...0x0D7F, .malayalam), (0x0D80...0x0DFF, .sinhala), (0x0E00...0x0E7F, .thai),
        (0x0E80...0x0EFF, .lao), (0x1000...0x109F, .myanmar), (0x10A0...0x10FF, .georgian), (0x1100...0x11FF, .hangul),
        (0x1200...0x139F, .ethiopic), (0x1780...0x17FF, .khmer), (0x3040...0x30FF, .kana), (0x31F0...0x31FF, .kana),
        (0x3130...0x318F, .hangul), (0x3400...0x4DBF, .han), (0x4E00...0x9FFF, .han), (0xAC00...0xD7AF, .hangul),
        (0xF900...0xFAFF, .han), (0xFF66...0xFF9F, .kana), (0x20000...0x2FFFF, .han),
    ]

    /// Writing systems that one language (as far as this identifier goes) writes in.
    static let singleLanguage: [Script: String] = [
        .greek: "el", .armenian: "hy", .hebrew: "he", .bengali: "bn", .gurmukhi: "pa", .gujarati: "gu", .oriya: "or",
        .tamil: "ta", .telugu: "te", .kannada: "kn", .malayalam: "ml", .sinhala: "si", .thai: "th", .lao: "lo",
        .myanmar: "my", .georgian: "ka", .hangul: "ko", .ethiopic: "am", .khmer: "km",
    ]

    /// For each writing system that several languages share: the language when the words decide
    /// nothing, and each language's function words (lower case).
    static let sharedScripts: [Script: (fallback: String?, words: [String: [String]])] = [
        .latin: (nil, latinWords), .cyrillic: ("ru", cyrillicWords), .arabic: ("ar", arabicWords), .devanagari: ("hi", devanagariWords),
    ]

    static let latinWords: [String: [String]] = [
        "en": ["the", "and", "of", "to", "in", "is", "that", "for", "it", "with", "as", "was", "on", "are", "be", "this", "by", "have", "from", "not", "but", "at", "they", "his", "which", "you", "or", "an", "were", "has", "been", "their", "will", "would", "there", "what", "can", "about", "we", "he", "she", "if", "when", "who", "more", "also", "our", "your", "its", "into", "than", "these", "had", "one", "all", "out"],
        "de": ["der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf", "für", "ist", "im", "dem", "nicht", "ein", "eine", "als", "auch", "es", "an", "werden", "aus", "er", "hat", "dass", "daß", "sie", "nach", "wird", "bei", "einer", "um", "am", "sind", "noch", "wie", "einem", "über", "einen", "zum", "war", "haben", "nur", "oder", "aber", "vor", "zur", "bis", "mehr", "durch", "man", "sein", "wurde", "ich", "wir", "kann", "wenn", "ihr", "diese", "können", "uns", "sehr"],
        "fr": ["le", "la", "les", "de", "des", "et", "en", "un", "une", "du", "est", "que", "qui", "dans", "pour", "pas", "sur", "au", "par", "plus", "ne", "se", "ce", "il", "sont", "avec", "son", "sa", "ses", "aux", "mais", "ou", "elle", "nous", "vous", "été", "cette", "leur", "comme", "être", "où", "ont", "je", "tout", "fait", "peut", "aussi", "ces", "entre", "très", "était", "avait"],
        "es": ["el", "la", "de", "que", "y", "en", "los", "se", "del", "las", "un", "por", "con", "no", "una", "su", "para", "es", "al", "lo", "como", "más", "pero", "sus", "le", "ya", "este", "ha", "porque", "esta", "entre", "cuando", "muy", "sin", "sobre", "también", "fue", "hay", "son", "está", "desde", "todo", "nos", "durante", "uno", "ni", "contra", "otros", "ese", "eso", "había", "ante", "ellos", "esto", "donde", "años"],
        "it": ["il", "di", "che", "la", "e", "in", "un", "per", "del", "non", "una", "della", "sono", "le", "si", "con", "da", "al", "dei", "gli", "alla", "è", "ma", "come", "più", "nel", "anche", "ha", "delle", "questo", "nella", "lo", "ci", "se", "io", "essere", "sua", "suo", "ai", "degli", "dal", "ad", "questa", "tra", "loro", "stato", "molto", "sul", "dopo", "quando", "perché", "anni"],
        "pt": ["de", "a", "o", "que", "e", "do", "da", "em", "um", "para", "é", "com", "não", "uma", "os", "no", "se", "na", "por", "mais", "as", "dos", "como", "mas", "foi", "ao", "ele", "das", "tem", "à", "seu", "sua", "ou", "ser", "quando", "muito", "há", "nos", "já", "está", "também", "são", "pelo", "pela", "até", "isso", "ela", "entre", "depois", "sem", "mesmo", "aos", "ter", "seus", "quem", "nas", "me", "esse", "eles", "essa", "num", "nem", "suas", "anos"],
        "nl": ["de", "het", "een", "en", "van", "in", "is", "dat", "op", "te", "zijn", "voor", "met", "die", "niet", "aan", "er", "om", "ook", "als", "bij", "maar", "dan", "door", "wordt", "nog", "naar", "uit", "kan", "worden", "deze", "was", "hij", "ze", "zo", "tot", "wel", "geen", "meer", "al", "heeft", "hebben", "dit", "wat", "je", "zich", "onze", "hun", "waar", "werd", "veel"],
        "sv": ["och", "i", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den", "har", "de", "inte", "om", "ett", "han", "men", "var", "jag", "sig", "från", "vi", "så", "kan", "när", "år", "eller", "efter", "under", "hade", "också", "sina", "skulle", "detta", "där", "vid", "mot", "kommer", "hon", "vad", "blir", "bara", "sedan", "finns", "alla", "än", "mycket"],
        "da": ["og", "i", "at", "det", "er", "en", "til", "på", "af", "som", "for", "med", "den", "de", "har", "ikke", "et", "der", "om", "var", "jeg", "fra", "men", "kan", "sig", "vi", "blev", "efter", "også", "have", "hvor", "skal", "ved", "når", "eller", "være", "mod", "hun", "hvad", "deres", "dette", "noget", "bliver", "havde", "kun", "meget", "nogle", "mellem", "sådan", "hvis"],
        "no": ["og", "i", "det", "er", "en", "til", "på", "som", "av", "for", "med", "den", "de", "har", "ikke", "et", "at", "om", "var", "jeg", "fra", "men", "kan", "seg", "vi", "ble", "etter", "også", "ha", "hvor", "skal", "ved", "når", "eller", "være", "mot", "hun", "hva", "deres", "dette", "noe", "blir", "hadde", "bare", "mye", "noen", "mellom", "slik", "hvis", "ikkje", "eg", "frå"],
        "pl": ["i", "w", "na", "z", "się", "nie", "do", "to", "że", "jest", "o", "jak", "a", "po", "ale", "co", "od", "za", "przez", "dla", "tak", "są", "czy", "jego", "może", "już", "tylko", "jej", "oraz", "być", "było", "tym", "także", "który", "która", "które", "ich", "ten", "ta", "gdy", "bardzo", "jako", "przy", "lub", "jednak", "został", "była", "sobie", "ze", "we", "tego", "tej"],
        "cs": ["a", "se", "na", "v", "je", "že", "to", "s", "z", "do", "o", "i", "jako", "pro", "by", "ale", "jsou", "k", "za", "od", "po", "jak", "tak", "jeho", "které", "který", "která", "být", "bylo", "byl", "jsem", "není", "také", "už", "jen", "při", "podle", "mezi", "aby", "nebo", "tím", "však", "ve", "ze", "či", "jejich", "již", "což", "bude", "může", "když", "tento", "této"],
        "sk": ["a", "sa", "na", "v", "je", "že", "to", "s", "z", "do", "o", "i", "ako", "pre", "by", "ale", "sú", "k", "za", "od", "po", "ktoré", "ktorý", "ktorá", "byť", "bolo", "bol", "som", "nie", "tiež", "už", "len", "pri", "podľa", "medzi", "aby", "alebo", "však", "aj", "čo", "vo", "zo", "ich", "už", "keď", "môže", "bude", "tento", "tejto", "ešte"],
        "tr": ["ve", "bir", "bu", "da", "de", "için", "ile", "çok", "daha", "olarak", "gibi", "en", "ne", "olan", "kadar", "sonra", "ama", "her", "değil", "var", "mi", "ben", "biz", "onun", "ancak", "ise", "veya", "şey", "oldu", "olduğu", "tarafından", "göre", "yeni", "ki", "diye", "olan", "bunu", "şu", "çünkü", "ya", "hem", "ilk", "büyük", "iki"],
        "fi": ["ja", "on", "ei", "se", "että", "oli", "hän", "ovat", "kun", "mutta", "tai", "myös", "joka", "kuin", "ole", "sen", "niin", "jos", "mitä", "sekä", "vain", "tämä", "olla", "jo", "voi", "nyt", "ne", "mukaan", "hänen", "jotka", "siitä", "kanssa", "ollut", "koska", "vielä", "tai", "kaikki", "pitää", "olisi", "mikä", "tässä", "sitä", "ovat", "eli", "yli"],
        "hu": ["a", "az", "és", "hogy", "nem", "is", "egy", "meg", "van", "csak", "de", "ez", "el", "már", "mint", "még", "ki", "be", "vagy", "volt", "lesz", "azt", "ha", "fel", "sem", "kell", "után", "pedig", "majd", "között", "ezt", "minden", "amely", "aki", "lehet", "így", "nagyon", "nincs", "valamint", "akkor", "mert", "mely", "amit", "ezért", "vannak", "voltak", "szerint"],
        "ro": ["și", "şi", "în", "de", "la", "a", "cu", "din", "pe", "că", "nu", "o", "un", "este", "care", "pentru", "mai", "sau", "se", "ca", "al", "ai", "să", "sunt", "fost", "lui", "acest", "această", "după", "prin", "dar", "fi", "iar", "către", "despre", "foarte", "doar", "însă", "vor", "cel", "cea", "ale", "unei", "unui", "fie", "poate", "sub", "într", "dintre"],
        "id": ["yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam", "tidak", "akan", "pada", "juga", "ke", "ada", "oleh", "karena", "atau", "saya", "mereka", "kami", "bisa", "sudah", "telah", "adalah", "lebih", "tersebut", "seperti", "namun", "hanya", "kita", "menjadi", "sebagai", "antara", "bahwa", "belum", "setelah", "masih", "harus", "dapat", "para", "secara", "tahun", "serta", "saat"],
        "hr": ["i", "je", "u", "na", "se", "da", "za", "od", "su", "a", "s", "o", "kao", "iz", "ne", "ali", "što", "koji", "koja", "koje", "bio", "bila", "biti", "će", "sa", "samo", "ili", "još", "kako", "može", "nije", "ima", "sve", "to", "po", "godine", "nakon", "jer", "tako", "već", "među", "ali", "te", "kad", "bi", "smo", "sam"],
        "sl": ["in", "je", "v", "na", "se", "da", "za", "so", "z", "pa", "ki", "ne", "tudi", "po", "iz", "bi", "kot", "do", "ali", "to", "o", "pri", "le", "bo", "še", "od", "sem", "lahko", "ker", "med", "kar", "biti", "bil", "bila", "smo", "zelo", "vendar", "ter", "kjer", "če", "so", "jih", "ga", "mu"],
        "ca": ["de", "la", "el", "i", "a", "que", "les", "en", "per", "un", "una", "és", "del", "els", "amb", "no", "al", "com", "més", "va", "dels", "però", "seu", "seva", "també", "són", "hi", "ha", "aquest", "aquesta", "entre", "quan", "molt", "sobre", "fins", "pel", "ja", "han", "ho", "perquè", "aquests", "fer", "tot", "any", "anys", "després", "sense", "on"],
        "vi": ["và", "của", "có", "là", "không", "được", "cho", "trong", "một", "những", "các", "người", "này", "với", "đã", "để", "khi", "từ", "đến", "năm", "về", "như", "nhưng", "ra", "sẽ", "cũng", "tại", "theo", "nhiều", "đó", "làm", "lại", "thì", "vào", "bị", "còn", "đang", "rất"],
        "et": ["ja", "on", "ei", "see", "et", "kui", "oli", "ka", "ta", "mis", "aga", "nii", "või", "oma", "kes", "veel", "siis", "mida", "seda", "kuid", "üle", "pärast", "juba", "ning", "olla", "tema", "mille", "ole", "olid", "selle", "seal", "vaid", "kõik", "neid", "nad"],
        "lt": ["ir", "kad", "yra", "į", "su", "iš", "buvo", "tai", "o", "bet", "ar", "kaip", "jo", "jau", "tik", "dar", "taip", "po", "nuo", "apie", "per", "bus", "kuris", "kuri", "nes", "savo", "arba", "ji", "jie", "kurie", "nėra", "buvo", "metų", "labai", "tačiau", "prie"],
        "lv": ["un", "ir", "ar", "par", "no", "uz", "ka", "kas", "tas", "bet", "arī", "lai", "vai", "bija", "tā", "to", "pie", "ko", "kā", "jau", "pēc", "savu", "viņš", "var", "tikai", "nav", "līdz", "gada", "kurš", "kura", "viņa", "vēl", "tad", "tiek", "būt", "šo"],
    ]

    static let cyrillicWords: [String: [String]] = [
        "ru": ["и", "в", "не", "на", "что", "с", "по", "это", "как", "он", "я", "к", "из", "за", "для", "то", "от", "так", "его", "но", "она", "все", "же", "было", "был", "была", "были", "который", "которые", "также", "только", "уже", "если", "или", "при", "мы", "вы", "они", "чтобы", "этого", "этом", "может", "будет", "году"],
        "uk": ["і", "в", "на", "що", "з", "не", "до", "у", "та", "як", "за", "від", "це", "по", "для", "його", "але", "є", "був", "була", "які", "також", "який", "яка", "ще", "вже", "або", "щоб", "ми", "ви", "вони", "при", "через", "цього", "році", "може", "буде", "тільки"],
        "bg": ["и", "на", "да", "в", "за", "е", "се", "от", "не", "с", "че", "по", "са", "това", "как", "но", "ще", "към", "му", "или", "бе", "при", "са", "след", "които", "която", "който", "като", "беше", "има", "още", "тя", "той", "те", "във", "със", "година"],
        "sr": ["и", "у", "је", "на", "да", "се", "за", "су", "од", "са", "не", "као", "из", "то", "што", "који", "која", "које", "али", "или", "бити", "био", "била", "ће", "још", "само", "након", "године", "према", "због", "већ", "тако"],
        "mk": ["и", "на", "да", "во", "се", "за", "од", "е", "не", "со", "што", "ги", "го", "ќе", "кој", "која", "тоа", "како", "но", "ова", "има", "беше", "се", "тие", "таа", "тој", "по", "до", "година", "според", "кои"],
        "be": ["і", "у", "на", "не", "з", "што", "да", "па", "як", "гэта", "ад", "для", "але", "ён", "яго", "быў", "была", "былі", "таксама", "ці", "калі", "яны", "мы", "вы", "пры", "пасля", "толькі", "ужо", "годзе"],
        "kk": ["және", "бұл", "мен", "үшін", "да", "де", "бір", "деп", "осы", "оның", "олар", "болып", "бойынша", "жылы", "туралы", "сондай", "ал", "бар", "емес", "керек", "арқылы"],
    ]

    static let arabicWords: [String: [String]] = [
        "ar": ["في", "من", "على", "إلى", "الى", "أن", "ان", "التي", "الذي", "عن", "مع", "هذا", "كان", "ما", "لا", "هذه", "أو", "بين", "كل", "قد", "عام", "بعد", "ذلك", "التى", "كما", "عند", "لم", "هو", "هي"],
        "fa": ["و", "در", "به", "از", "که", "این", "را", "با", "است", "برای", "آن", "یک", "تا", "می", "شود", "بر", "هم", "نیز", "کرد", "شده", "ما", "او", "خود", "بود", "های", "اما", "پس", "کند", "باید", "شد"],
        "ur": ["کے", "میں", "کی", "ہے", "اور", "کا", "سے", "کو", "نے", "پر", "یہ", "کہ", "ہیں", "تھا", "بھی", "جو", "ایک", "گیا", "وہ", "تھے", "ہو", "کر", "لیے", "تک", "اس"],
    ]

    static let devanagariWords: [String: [String]] = [
        "hi": ["है", "और", "के", "की", "में", "से", "का", "को", "पर", "यह", "हैं", "कि", "था", "भी", "नहीं", "एक", "लिए", "ने", "तो", "गया", "कर", "वह", "साथ", "हो", "रहे"],
        "mr": ["आहे", "आणि", "या", "व", "हे", "की", "आहेत", "होते", "त्या", "हा", "ही", "तर", "मध्ये", "केले", "नाही", "करण्यात", "होता", "असे", "त्यांनी", "म्हणून"],
        "ne": ["छ", "र", "पनि", "को", "मा", "हो", "गर्न", "थियो", "छन्", "भने", "लागि", "गरेको", "यो", "त्यो", "नै", "हुन्छ", "गरे", "भएको", "छैन", "तथा"],
    ]
}
