/// Characters that make up most of real text in the scripts the detector has to tell apart. A page
/// read in the right encoding is mostly made of them; read in a wrong encoding of the same byte
/// layout (GBK bytes as EUC-KR, EUC-JP bytes as GBK), it becomes an even spread over thousands of
/// characters, few of them in these lists. The lists are the most frequent characters of ordinary
/// prose and news text; their order does not matter.
enum CommonCharacters {
    /// The most frequent Chinese characters, simplified and traditional forms, and the most frequent
    /// Japanese kanji. About 650 characters cover roughly three quarters of running Chinese text.
    static let han: Set<Unicode.Scalar> = scalars("""
        的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坐集编宝谈府拉黑且随格尽讲布杀微怕母调局根曾准团段终乐切级克精哪官示冷域球称药独际增育供权企类查费价州标围济销售增长发展经济企业投资市场产品服务技术管理社会政府国际中国美国日本全球记者报道消息新闻网站发布
        這個們來為國說時會對發後過裡種現當沒動經麼學還從兩長點實開問進見頭無樣聽氣與業關電話號東車書員師親邊買賣讓認說寫難間門們處應該頁網導專區級萬體義議論條總統將歷樣場聲務報紙訊視錢內語類題標準
        日本語私年月時分今何人大学生先見行来出入上下中外前後午東西南北山川田町村駅電車社会新聞記者写真首相政府経済株式会社東京大阪円気持言思知話読書聞食飲買売作使待持帰会員
        """)

    /// Hiragana and katakana: Japanese prose is about half kana; any decoding of Japanese that gives kana is plausible.
    static func isKana(_ value: UInt32) -> Bool {
        (0x3041...0x3096).contains(value) || (0x30A1...0x30FA).contains(value) || value == 0x30FC || value == 0x309D || value == 0x309E
    }

    /// The most frequent Hangul syllables of Korean text. The 2,350 syllables of KS X 1001 cover
    /// nearly all Korean; these 200 cover most of it, while GBK or Big5 bytes read as Korean land on
    /// any of the 2,350.
    static let hangul: Set<Unicode.Scalar> = scalars("""
        이다의는에하고을가지서한은기으년대사시를리도인스일정자적수그해나로어들있게보부주것아국상전만제우없위동소장거라면공계요중연성내과경방세원조문생학화개되여신관물말안실오발모미비분당업터산체입무식후통함간결회마음구운야저까명러추현예점금각단선날직차때진반작데및치월영용행할했다며습니까니다록등합했고서울북한민미국정부대통령기자뉴스사람우리그리고하지만또한위해통해대한관련지난올해오늘내일이번때문
        """)

    /// Russian, Ukrainian and Bulgarian lower-case letters by frequency: the first fifteen carry most of the text.
    static let frequentCyrillic: Set<Unicode.Scalar> = scalars("оеаинтсрвлкмдпуяіы")

    /// Accented Latin letters of the languages written in windows-1252, -1250, -1254 and -1257
    /// (and their ISO-8859 counterparts). Letters not listed (Icelandic þ, ð; Slovak ŕ, ĺ) still count,
    /// for less: a misread page turns the listed ones into symbols or rare letters.
    static let accentedLatin: Set<Unicode.Scalar> = scalars("""
        àáâäãåæçèéêëìíîïñòóôöõøùúûüÿßœÀÁÂÄÃÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÖÕØÙÚÛÜŒ
        ąćęłńśźżčďěňřšťůžőűăşţșțĄĆĘŁŃŚŹŻČĎĚŇŘŠŤŮŽŐŰĂŞŢȘȚ
        ğıİĞāēīūģķļņėįųĀĒĪŪĢĶĻŅĖĮŲ
        """)

    /// The accented letters of each language written in Latin script with a legacy encoding. Text in
    /// the right encoding draws its accents from one language; a wrong single-byte encoding of the
    /// same alphabet gives a medley (Czech "ř", "č", "ě" read as windows-1252 become "ø", "è", "ì").
    static let latinLanguages: [Set<Unicode.Scalar>] = [
        "àâæçèéêëîïôœùûüÿ",  // French
        "äöüß",  // German
        "áéíñóúü",  // Spanish
        "ãõáâàçéêíóôú",  // Portuguese
        "àèéìíîòóù",  // Italian
        "åæøäöéëïüó",  // Danish, Norwegian, Swedish, Dutch
        "áðéíóúýþæö",  // Icelandic
        "ąćęłńóśźż",  // Polish
        "áčďéěíňóřšťúůýž",  // Czech
        "áäčďéíĺľňóôŕšťúýž",  // Slovak
        "áéíóöőúüű",  // Hungarian
        "ăâîșțşţ",  // Romanian
        "čćđšž",  // Croatian, Slovene, Bosnian
        "çğıöşü",  // Turkish
        "ąčęėįšųūž",  // Lithuanian
        "āčēģīķļņšūž",  // Latvian
        "äõöüšž",  // Estonian
    ].map { Set(String($0).unicodeScalars) }

    /// Russian one-letter words (prepositions and conjunctions), the only letters that stand alone.
    static let cyrillicWords: Set<Unicode.Scalar> = scalars("вискоауяВИСКОАУЯ")

    /// Greek lower-case letters by frequency, with the accented vowels and final sigma.
    static let frequentGreek: Set<Unicode.Scalar> = scalars("αεοιτνσρηκπμυλςάέίόήώύ")

    /// Marks real text uses between words: quotes, dashes, ellipsis, currency, degree, guillemets,
    /// section and paragraph signs, fractions, superscripts and ordinals.
    static let typography: Set<Unicode.Scalar> = scalars("“”‘’´„‚–—…•€£¥¢©®°«»·§¶¿¡\u{A0}½¼¾×±²³ºªµ™′″")

    /// The marks of `typography` that real text also puts between two letters.
    static let insideWords: Set<Unicode.Scalar> = scalars("’´·—–\u{A0}")

    private static func scalars(_ text: String) -> Set<Unicode.Scalar> {
        Set(text.unicodeScalars.filter { !$0.properties.isWhitespace || $0 == "\u{A0}" })
    }
}
