/**
 * @module Word lists that drive the entity rules: titles, organisation words, demonyms and the
 * common words that are capitalised only because they open a sentence. Kept as data, apart from logic.
 */

/** Capitalised words that introduce a person ("President", "Mr", "Foreign Minister"). */
export const PERSON_TITLES = new Set([
  'president', 'vice', 'prime', 'minister', 'secretary', 'mr', 'mrs', 'ms', 'miss', 'dr', 'chancellor', 'rev', 'reverend', 'pastor', 'imam',
  'king', 'queen', 'pope', 'senator', 'sen', 'gov', 'governor', 'general', 'gen', 'judge', 'justice',
  'ceo', 'chairman', 'chairwoman', 'chair', 'director', 'ambassador', 'representative', 'rep', 'speaker',
  'prince', 'princess', 'sheikh', 'deputy', 'spokesman', 'spokeswoman', 'spokesperson', 'commander',
  'colonel', 'col', 'captain', 'capt', 'lieutenant', 'lt', 'sergeant', 'sgt', 'professor', 'prof', 'mayor',
  'cardinal', 'bishop', 'archbishop', 'lord', 'lady', 'sir', 'dame', 'admiral', 'adm', 'marshal', 'envoy',
  'foreign', 'defense', 'defence', 'interior', 'finance', 'economy', 'health', 'trade', 'justice', 'energy',
  'chief', 'executive', 'officer', 'premier', 'emir', 'crown', 'attorney', 'congressman', 'congresswoman',
  'candidate', 'nominee', 'coach', 'founder', 'sultan', 'ayatollah', 'rabbi', 'father', 'sister', 'brother',
  'detective', 'inspector', 'superintendent', 'commissioner', 'chief-executive', 'treasurer', 'pm', 'mp',
  'leader', 'special', 'former', 'late', 'acting', 'opposition', 'state', 'labour', 'party',
]);

/** Titles that alone are enough to make the following name a person. */
export const STRONG_PERSON_TITLES = new Set([
  'president', 'minister', 'secretary', 'mr', 'mrs', 'ms', 'miss', 'dr', 'chancellor', 'king', 'queen',
  'pope', 'senator', 'sen', 'gov', 'governor', 'general', 'gen', 'judge', 'ambassador', 'rep', 'prince',
  'princess', 'sheikh', 'spokesman', 'spokeswoman', 'spokesperson', 'commander', 'colonel', 'col',
  'captain', 'capt', 'lieutenant', 'lt', 'sergeant', 'sgt', 'professor', 'prof', 'mayor', 'cardinal',
  'bishop', 'archbishop', 'lord', 'lady', 'sir', 'dame', 'admiral', 'marshal', 'envoy', 'premier', 'emir',
  'ceo', 'chairman', 'chairwoman', 'director', 'congressman', 'congresswoman', 'pm', 'mp', 'coach', 'ayatollah',
  'detective', 'inspector', 'commissioner', 'founder', 'treasurer', 'leader', 'chief', 'officer',
]);

/** Last words that make a capitalised name an organisation. */
export const ORGANISATION_WORDS = new Set([
  'ministry', 'party', 'council', 'union', 'bank', 'inc', 'corp', 'corporation', 'ltd', 'llc', 'plc', 'co',
  'company', 'group', 'association', 'agency', 'commission', 'court', 'parliament', 'congress', 'senate',
  'department', 'university', 'institute', 'committee', 'organization', 'organisation', 'fund', 'forum',
  'bureau', 'office', 'service', 'services', 'army', 'navy', 'forces', 'force', 'times', 'post', 'news',
  'motors', 'airlines', 'airways', 'airline', 'foundation', 'federation', 'board', 'authority', 'reserve',
  'exchange', 'school', 'college', 'academy', 'hospital', 'club', 'administration', 'assembly', 'police',
  'guard', 'brigade', 'alliance', 'coalition', 'front', 'movement', 'network', 'channel', 'press', 'journal',
  'tribune', 'herald', 'gazette', 'telegraph', 'guardian', 'monitor', 'agence', 'systems', 'technologies',
  'holdings', 'partners', 'capital', 'securities', 'industries', 'international', 'communications', 'media',
  'pharmaceuticals', 'energy', 'oil', 'petroleum', 'research', 'automotive', 'show', 'airlines', 'labs', 'laboratories', 'computer', 'motor', 'electronics', 'aircraft', 'aerospace',
  'gmbh', 'ag', 'sa', 'nv', 'spa', 'team', 'church', 'cabinet', 'government', 'tribunal', 'secretariat',
  'legislature', 'directorate', 'command', 'corps', 'guards', 'taliban', 'hamas', 'hezbollah', 'kremlin',
  'pentagon', 'duma', 'bundestag', 'nato', 'un', 'eu', 'who', 'imf', 'opec', 'fbi', 'cia', 'wto', 'ecb',
]);

/** First words of an organisation name ("Ministry of ...", "Bank of ..."), which may take "of". */
export const ORGANISATION_HEADS = new Set([
  'ministry', 'bank', 'university', 'department', 'council', 'institute', 'board', 'court', 'office',
  'house', 'commission', 'committee', 'federation', 'association', 'league', 'organization', 'organisation',
  'union', 'church', 'college', 'academy', 'museum', 'school', 'agency', 'party', 'chamber', 'society',
  'order', 'friends', 'people', 'republic', 'kingdom', 'state', 'bureau', 'embassy', 'army', 'navy', 'bay',
  'gulf', 'sea', 'city', 'county', 'province', 'isle', 'isles', 'cape', 'lake', 'mount', 'strait', 'straits',
]);

/** Single capitalised words that name organisations without a suffix. */
export const KNOWN_ORGANISATIONS = new Set([
  'kremlin', 'pentagon', 'congress', 'parliament', 'senate', 'duma', 'bundestag', 'elysee', 'élysée',
  'vatican', 'nato', 'interpol', 'europol', 'hamas', 'hezbollah', 'taliban', 'reuters', 'afp', 'ap',
  'bbc', 'cnn', 'opec', 'knesset', 'politburo', 'whitehall', 'downing', 'gazprom', 'rosneft',
]);

/** Adjectives of nationality that are capitalised but are not entity names on their own. */
export const DEMONYMS = new Set([
  'french', 'dutch', 'british', 'swiss', 'greek', 'thai', 'welsh', 'scottish', 'irish', 'english',
  'danish', 'swedish', 'finnish', 'polish', 'spanish', 'turkish', 'kurdish', 'american', 'israeli',
  'saudi', 'emirati', 'european', 'arab', 'asian', 'african', 'western', 'eastern', 'soviet', 'chechen',
  'russian', 'ukrainian', 'german', 'italian', 'chinese', 'japanese', 'korean', 'iranian', 'iraqi',
  'syrian', 'afghan', 'pakistani', 'indian', 'canadian', 'australian', 'mexican', 'brazilian',
  'argentine', 'egyptian', 'lebanese', 'palestinian', 'jordanian', 'yemeni', 'qatari', 'kuwaiti',
  'belgian', 'austrian', 'hungarian', 'czech', 'slovak', 'romanian', 'bulgarian', 'serbian', 'croatian',
  'portuguese', 'norwegian', 'icelandic', 'estonian', 'latvian', 'lithuanian', 'belarusian', 'georgian',
  'armenian', 'azerbaijani', 'turkmen', 'uzbek', 'kazakh', 'mongolian', 'vietnamese', 'indonesian',
  'malaysian', 'filipino', 'nigerian', 'kenyan', 'ethiopian', 'somali', 'sudanese', 'libyan', 'tunisian',
  'algerian', 'moroccan', 'venezuelan', 'colombian', 'chilean', 'peruvian', 'cuban', 'taiwanese',
  'muslim', 'christian', 'jewish', 'catholic', 'protestant', 'republican', 'democratic', 'democrat',
  'conservative', 'liberal', 'socialist', 'communist', 'islamic', 'allied', 'northern', 'southern',
  'federal', 'national', 'us', 'u.s.', 'uk', 'u.k.', 'eu', 'un', 'franco-british', 'anglo-american',
]);

/** Words that are capitalised at the start of a sentence but never begin a name. */
export const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'but', 'and', 'or', 'so', 'yet', 'however', 'when', 'while',
  'after', 'before', 'as', 'if', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our',
  'my', 'your', 'he', 'she', 'they', 'we', 'i', 'it', 'there', 'here', 'with', 'without', 'for', 'from',
  'by', 'of', 'to', 'during', 'over', 'under', 'since', 'until', 'although', 'though', 'because',
  'even', 'also', 'still', 'then', 'now', 'today', 'yesterday', 'tomorrow', 'meanwhile', 'instead',
  'both', 'all', 'some', 'many', 'most', 'several', 'other', 'another', 'each', 'every', 'no', 'not',
  'what', 'who', 'which', 'where', 'why', 'how', 'whether', 'according', 'regarding', 'despite',
  'among', 'between', 'about', 'above', 'below', 'last', 'next', 'one', 'two', 'three', 'four',
  'five', 'six', 'seven', 'eight', 'nine', 'ten', 'first', 'second', 'third', 'new', 'more', 'less',
  'such', 'only', 'just', 'well', 'yes', 'unfortunately', 'further', 'other', 'earlier', 'later',
  'asked', 'speaking', 'warning', 'read', 'follow', 'join', 'advertisement', 'comments', 'with',
  'once', 'until', 'unlike', 'like', 'following', 'amid', 'against', 'around', 'through', 'within',
  'any', 'few', 'much', 'very', 'too', 'again', 'indeed', 'moreover', 'thus', 'therefore', 'already',
  'perhaps', 'maybe', 'mostly', 'currently', 'recently', 'finally', 'nearly', 'almost', 'do', 'does',
  'did', 'is', 'are', 'was', 'were', 'be', 'has', 'have', 'had', 'can', 'could', 'will', 'would',
  'should', 'may', 'might', 'must', 'let', 'please', 'thank', 'thanks', 'overall', 'often', 'sometimes',
]);

/** Capitalised words that are calendar words, never names. */
export const CALENDAR_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'christmas',
  'easter', 'ramadan', 'thanksgiving', 'a.m.', 'p.m.', 'am', 'pm', 'gmt', 'utc', 'est', 'cet',
]);

/** Lower-case words allowed inside a name when followed by a capitalised word. */
export const NAME_CONNECTORS = new Set(['of', 'for', 'and', 'de', 'du', 'des', 'la', 'le', 'von', 'van', 'der', 'den', 'al', 'bin', 'da', 'di', 'del', 'el', 'y', '&', 'on', 'the']);

/** Verbs that report speech; used as person cues and by the quote finder. */
export const REPORTING_VERBS = new Set([
  'said', 'says', 'say', 'added', 'adds', 'told', 'tells', 'warned', 'warns', 'asserted', 'asserts',
  'noted', 'notes', 'stated', 'states', 'announced', 'announces', 'claimed', 'claims', 'argued', 'argues',
  'insisted', 'insists', 'explained', 'explains', 'confirmed', 'confirms', 'wrote', 'writes', 'declared',
  'declares', 'stressed', 'stresses', 'emphasized', 'emphasised', 'emphasizes', 'emphasises', 'suggested',
  'suggests', 'acknowledged', 'acknowledges', 'admitted', 'admits', 'asked', 'asks', 'replied', 'replies',
  'responded', 'responds', 'continued', 'continues', 'recalled', 'recalls', 'tweeted', 'tweets', 'posted',
  'posts', 'predicted', 'predicts', 'promised', 'promises', 'vowed', 'vows', 'believes', 'believed',
  'thinks', 'thought', 'mentioned', 'mentions', 'reported', 'reports', 'revealed', 'reveals', 'urged',
  'urges', 'cautioned', 'cautions', 'conceded', 'concedes', 'contended', 'contends', 'maintained',
  'maintains', 'observed', 'observes', 'pointed', 'remarked', 'remarks', 'assured', 'assures', 'denied',
  'denies', 'estimated', 'estimates', 'agreed', 'agrees', 'complained', 'complains', 'joked', 'jokes',
  'quipped', 'quips', 'shouted', 'shouts', 'yelled', 'told', 'testified', 'testifies', 'alleged', 'alleges',
  'charged', 'charges', 'countered', 'counters', 'wondered', 'wonders', 'clarified', 'clarifies',
  'reiterated', 'reiterates', 'reaffirmed', 'reaffirms', 'indicated', 'indicates', 'signaled', 'signalled',
  'hinted', 'hints', 'disclosed', 'discloses', 'conceded', 'boasted', 'boasts', 'lamented', 'laments',
  'concluded', 'concludes', 'elaborated', 'elaborates', 'informed', 'informs', 'announced', 'stating',
  'saying', 'adding', 'telling', 'warning', 'noting', 'arguing', 'insisting', 'explaining', 'writing',
  'declaring', 'stressing', 'suggesting', 'claiming', 'asserting', 'asking', 'promising', 'acknowledging',
  'predict', 'tell', 'add', 'warn', 'note', 'state', 'claim', 'argue', 'insist', 'explain', 'write',
  'believe', 'think', 'announce', 'confirm', 'deny', 'suggest', 'stress',
]);

/** Last words that make a capitalised name a place: features of the land and buildings one goes to
 * ("Pacific Ocean", "Kingsford International Airport", "Riverside Convention Center"). */
export const PLACE_WORDS = new Set([
  'airport', 'ocean', 'sea', 'river', 'lake', 'island', 'islands', 'bay', 'valley', 'mountains', 'peninsula',
  'desert', 'strait', 'canal', 'street', 'avenue', 'square', 'boulevard', 'road', 'bridge', 'park',
  'center', 'centre', 'factory', 'stadium', 'arena', 'station', 'harbour', 'harbor', 'port',
]);

/** Lower-case words that may follow a name used as the subject or object, so it is no premodifier. */
export const NOT_NOUN_AFTER_NAME = new Set([
  'is', 'was', 'are', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'may',
  'might', 'must', 'shall', 'should', 'does', 'did', 'do', 'and', 'or', 'but', 'nor', 'to', 'in', 'on', 'of',
  'for', 'with', 'at', 'by', 'as', 'from', 'into', 'over', 'than', 'that', 'which', 'who', 'whose', 'where',
  'when', 'while', 'since', 'until', 'after', 'before', 'about', 'against', 'during', 'under', 'also',
  'not', 'never', 'now', 'then', 'still', 'yet', 'already', 'today', 'yesterday', 'tomorrow', 'itself',
  'himself', 'herself', 'themselves', 'via', 'per', 'through', 'if', 'because', 'so', 'the', 'a', 'an',
  'last', 'this', 'next', 'recently', 'earlier', 'later', 'again', 'just', 'only', 'even', 'plans', 'aims',
  'wants', 'needs', 'hopes', 'expects', 'intends', 'is', 'reportedly', 'officially', 'formally', 'quickly',
]);
