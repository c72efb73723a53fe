"""Pages about gambling, or using its words innocently, are not spam; a promotion put into a page is.

These texts were written for this test; the model never saw them.
"""

import pytest

import spamsift
from spamsift.devdata import search_result

HARD_NEGATIVES = {
    "police news (id)": (
        "Polda Metro Jaya menutup 2.400 situs judi online sepanjang bulan ini.\n"
        "Kapolda mengatakan pemberantasan judi online menjadi prioritas karena banyak korban yang kehilangan "
        "tabungan dan terjerat pinjaman.\n"
        "Sebanyak 38 tersangka ditangkap, termasuk operator yang mempromosikan situs slot melalui media sosial.\n"
        "Kementerian Komunikasi dan Digital juga memblokir rekening yang dipakai untuk deposit para pemain."
    ),
    "anti-gambling sermon (id)": (
        "Khutbah Jumat: Bahaya Judi bagi Keluarga\n"
        "Jamaah yang dirahmati Allah, judi dalam bentuk apa pun, termasuk togel dan slot online, hukumnya haram.\n"
        "Banyak keluarga hancur karena kecanduan judi: utang menumpuk, rumah tangga retak, anak terlantar.\n"
        "Marilah kita menjauhi judi dan mengajak saudara-saudara kita yang terjerat untuk bertaubat."
    ),
    "football report (en)": (
        "Arsenal 2-1 Chelsea: Saka seals derby win in stoppage time\n"
        "Bukayo Saka struck in the 93rd minute to give Arsenal a dramatic victory at the Emirates.\n"
        "Chelsea had equalised through Cole Palmer's penalty after Martin Odegaard opened the scoring.\n"
        "The win lifts Arsenal to second, three points behind the leaders, with the bookmakers now making "
        "them favourites for the title."
    ),
    "Qt signals and slots (en)": (
        "Signals and Slots\n"
        "Signals and slots are used for communication between objects in Qt.\n"
        "A slot is called when a signal connected to it is emitted. Slots are normal C++ functions.\n"
        "Use QObject::connect() to connect the clicked() signal of a button to the quit() slot of the "
        "application."
    ),
    "Vue slots (en)": (
        "Component slots\n"
        "In Vue, a <slot> element is a slot outlet that indicates where the parent-provided slot content "
        "should be rendered.\n"
        "Named slots let a component expose several slot outlets, for example a header slot and a footer slot.\n"
        "Scoped slots pass data from the child back to the slot content defined in the parent."
    ),
    "lottery scheduling (en)": (
        "Lottery scheduling is a probabilistic scheduling algorithm for processes in an operating system.\n"
        "Each process holds a number of lottery tickets, and the scheduler draws a random ticket to select "
        "the next process.\n"
        "Processes with more tickets win the draw more often, so they receive a proportionally larger share "
        "of the CPU time."
    ),
    "regulator's fine (en)": (
        "Gambling Commission fines online operator £2m over failures to protect customers\n"
        "The regulator said the company had let a customer deposit £40,000 in a single month without any "
        "affordability check.\n"
        "Investigators also found that the operator sent free spins and bonus offers to players who had asked to "
        "be excluded from marketing.\n"
        "The firm, which runs several online casino and sports betting brands, has agreed to pay the penalty."
    ),
    "addiction help (en)": (
        "Getting help for a gambling problem\n"
        "If you feel that you cannot stop betting, or you are chasing losses, you are not alone.\n"
        "Many people start with small stakes on slot machines or online casino games and find that the amounts "
        "grow over time.\n"
        "Our free helpline is open 24 hours a day and offers confidential advice to gamblers and their families."
    ),
    "dessert recipes (en)": (
        "Summer desserts without an ice cream machine\n"
        "Lemon sorbet\n"
        "Mango sorbet with lime\n"
        "Raspberry sherbet\n"
        "Blend the fruit with sugar syrup, freeze it in a shallow tray and stir it with a fork every half hour."
    ),
    "police raid news under a headline naming the promotions (id)": (
        "Polisi Tangkap Admin Situs Togel Online dan Slot Gacor di Medan\n"
        "Kepolisian menetapkan lima tersangka yang mengelola dan mempromosikan situs tersebut melalui media sosial.\n"
        "Para tersangka menerima bayaran hingga puluhan juta rupiah setiap bulan dari bandar di luar negeri.\n"
        "Polisi juga menyita telepon genggam, laptop dan buku tabungan yang dipakai untuk menampung deposit pemain."
    ),
    "regulator's fine under a headline naming the offers (en)": (
        "Online casino fined over misleading free spins and bonus cash adverts\n"
        "The regulator said the operator had promised new customers rewards that could not be withdrawn.\n"
        "Investigators found the terms of the offers were hidden behind several links on the sign-up page.\n"
        "The company has agreed to pay the penalty and to change its advertising."
    ),
    "slot machine game tutorial (en)": (
        "Build a slot machine game in Python\n"
        "In this tutorial we write a small slot machine with three reels using the random module.\n"
        "Each spin picks a symbol per reel; three matching symbols pay out ten times the bet.\n"
        "The player starts with 100 credits and the game ends when the balance reaches zero."
    ),
    "version-numbered names in documentation (en)": (
        "Supported platforms\n"
        "Builds are tested on ubuntu22, debian12, rhel9, centos7, alpine318 and win64 with python311 and node20.\n"
        "The arm64 images use gcc13 and llvm17; the legacy i386 image is built with gcc49.\n"
        "Older releases such as node16 and python38 are no longer supported."
    ),
    "CSS utility classes (en)": (
        "Card layout\n"
        "Use the classes mt4 px8 w64 gap12 and grid3 on the container, and text700 on the heading.\n"
        "The button takes py2 px4 rounded8 and bg500; on hover it switches to bg600.\n"
        "For smaller screens add sm2 and md4 to change the number of columns."
    ),
    "casino hotel restaurant (en)": (
        "Dining at the Grand Riverside Casino Hotel\n"
        "Our steakhouse on the second floor serves dry-aged beef and fresh seafood from 5 pm to 11 pm.\n"
        "The buffet offers breakfast, lunch and dinner daily, with a children's menu and vegetarian options.\n"
        "Reservations are recommended on weekends; please call the front desk or book online."
    ),
    "Quran recitation schedule (tr)": (
        "Ramazan Mukabele Programı\n"
        "Her gün ikindi namazından sonra Bakara Suresi ve Âl-i İmrân Suresi okunacaktır.\n"
        "Cemaatimizin katılımıyla hatim duası son cuma günü yapılacaktır."
    ),
    "staff list with Indian surnames (en)": (
        "Department of Physics: Faculty\n"
        "Prof. Anil Kumar, Head of Department, condensed matter physics.\n"
        "Dr. Priya Kumar, Associate Professor, quantum optics; Dr. Rajesh Kumar, Assistant Professor, plasma physics."
    ),
    "official lottery results (zh)": (
        "福利彩票开奖公告\n"
        "广东11选5今日开奖结果已公布，开奖号码为03、05、07、09、11。\n"
        "请购彩者理性购彩，快三天就到兑奖截止日期，未兑奖的彩民请尽快到指定网点兑奖。"
    ),
    "gambling-addiction counselling (ko)": (
        "도박문제 회복 프로그램 안내\n"
        "1단계 교육: 도박중독의 개념과 도박이 가족에게 주는 피해를 배우고, 도박 충동에 대처하는 방법을 익힙니다.\n"
        "2단계 집단상담: 도박문제를 겪는 분들이 함께 모여 도박을 멈춘 경험을 나누고 서로의 회복을 돕습니다.\n"
        "3단계 가족 프로그램: 도박중독으로 상처 입은 가족이 관계를 회복하도록 상담과 활동을 제공합니다."
    ),
    "police crackdown news (zh)": (
        "警方破获一起跨境网络赌博案\n"
        "公安机关近日打掉一个为境外赌博网站招揽会员的团伙，抓获犯罪嫌疑人26名。\n"
        "该团伙通过社交软件发布百家乐、体育投注的推广链接，涉赌资金流水达3亿元。\n"
        "警方提醒，网络赌博十赌九输，切勿轻信所谓的充值返利和稳赢攻略。"
    ),
    "police news (vi)": (
        "Công an triệt phá đường dây đánh bạc trái phép qua mạng\n"
        "Công an tỉnh đã bắt giữ 12 đối tượng tổ chức đánh bạc dưới hình thức cá cược bóng đá trên các trang web.\n"
        "Số tiền giao dịch qua tài khoản của đường dây lên tới hàng chục tỷ đồng.\n"
        "Cơ quan điều tra đã khởi tố vụ án và tiếp tục mở rộng điều tra."
    ),
    "police news (hi)": (
        "पुलिस ने अवैध सट्टा चलाने वाले गिरोह के पांच सदस्यों को गिरफ्तार किया।\n"
        "आरोपी क्रिकेट मैचों पर ऑनलाइन सट्टा लगवाते थे और बेटिंग आईडी बेचते थे।"
    ),
    "addiction help (pt)": (
        "Vício em apostas: onde procurar ajuda\n"
        "O jogo patológico é reconhecido como doença e tem tratamento gratuito nos centros de atenção psicossocial.\n"
        "Especialistas recomendam bloquear os aplicativos de apostas e pedir apoio à família.\n"
        "Quem perdeu o controle das apostas esportivas ou do cassino online pode ligar para o serviço de apoio."
    ),
    "webmaster's complaint about gambling spam comments (id)": (
        "Komentar spam judi online membanjiri blog kampus\n"
        "Setiap hari ada puluhan komentar spam yang mempromosikan situs judi online dan slot di blog kampus kami. "
        "Bagaimana cara memasang captcha di form komentar?"
    ),
    "complaint about gambling promotions in comments (id)": (
        "Laporan: komentar judi online di kanal kami\n"
        "Banyak komentar promosi judi online dan slot muncul di video kami. Apakah ada fitur filter otomatis untuk "
        "menyembunyikannya?"
    ),
    "thesis proposal on gambling advertising (id)": (
        "Data penelitian: iklan judi online di media sosial\n"
        "Saya meneliti 5.000 unggahan Instagram yang mengiklankan situs slot dan togel. Apakah dataset ini boleh "
        "dipakai untuk skripsi?"
    ),
    "bug report on a roulette game (pt)": (
        "Erro ao calcular pagamento no jogo de roleta\n"
        "No modo cassino, a roleta paga 36 para 1 em vez de 35 para 1 quando a aposta é em um número único."
    ),
    "bug report on a blackjack game (es)": (
        "El crupier no reparte cartas en modo casino\n"
        "Al iniciar una partida de blackjack en modo casino, el crupier no reparte la segunda carta."
    ),
    "a lottery ticket that won nothing (zh)": "昨天去买了一注彩票，结果一个号都没中",
    "sports lottery funds (zh)": "体育彩票公益金资助了社区健身设施的建设",
    "police news naming a Telegram channel (zh)": "警方抓获一个利用电报推广网络赌博的团伙，嫌疑人已被刑事拘留",
    "police news naming a Telegram channel (ru)": (
        "Полиция задержала администраторов телеграм-канала, рекламировавшего казино"
    ),
    "a refund through customer service (zh)": "请联系客服微信处理退款，谢谢",
    "a typo in a betting-strategy document (ko)": (
        "A/B 테스트 배팅 전략 문서 오타\n"
        "실험 설계 문서에서 '배팅'이 아니라 '베팅'으로 통일해야 합니다. 용어 정리 부탁드립니다."
    ),
    "a comment filter deleting movie reviews (ko)": (
        "도박 광고 댓글 필터 오탐\n"
        "'카지노'라는 단어가 들어간 모든 댓글이 삭제됩니다. 영화 '카지노' 리뷰 댓글도 지워져요."
    ),
    "an official lottery draw notice (zh)": (
        "彩票中心官网今日开奖公告\n第2025123期双色球开奖号码已公布，请以官方公告为准。"
    ),
    "a lottery results API error (ko)": "동행복권 로또 당첨번호 조회 API 오류\n회차 번호를 넣으면 500 에러가 납니다.",
    "state lottery results (vi)": (
        "Kết quả xổ số kiến thiết miền Nam hôm nay\n"
        "Công ty xổ số kiến thiết thông báo kết quả quay số mở thưởng."
    ),
    "government lottery results (th)": (
        "ผลสลากกินแบ่งรัฐบาล งวดวันที่ 1 ธันวาคม\nสำนักงานสลากกินแบ่งรัฐบาลประกาศผลรางวัลที่ 1"
    ),
    "pachinko parlours closing (ja)": "パチンコ店の閉店が相次ぐ\n業界団体によると、今年だけで300店舗以上が閉店した。",
    "a psychologist on quitting casinos (ru)": (
        "Как бросить играть в казино: советы психолога\n"
        "Лудомания лечится, если вовремя обратиться за помощью."
    ),
    "a slot game's RTP in a README (en)": (
        "Starburst slot RTP calculation is wrong in the README\n"
        "The table lists 96.01% but the paytable gives 96.09%."
    ),
    "appointment slots in a clinic's calendar (tr)": (
        "Randevu slotları yanlış gösteriliyor\n"
        "Klinik randevu sisteminde cumartesi günleri için boş slotlar dolu olarak gösteriliyor."
    ),
    "a betting command of a friends' pool bot (pt)": (
        "Bot de Discord: comando !aposta não funciona\n"
        "O comando !aposta do bot de bolão entre amigos não registra os palpites da rodada."
    ),
    "a study of students' betting (vi)": (
        "Nghiên cứu cho thấy 10% sinh viên từng tham gia cá cược trực tuyến trong năm qua."
    ),
    "a bill to license bookmakers (vi)": (
        "Nhà cái Việt Nam đầu tiên được cấp phép? Quốc hội thảo luận dự thảo nghị định về kinh doanh cá cược thể thao."
    ),
    "Macau's gaming revenue (zh)": "澳门博彩业第三季度收入同比增长12%，博彩税收入创新高。",
    "gambling websites blocked by a ministry (th)": "กระทรวงดิจิทัลปิดกั้นเว็บพนันออนไลน์ 500 เว็บในเดือนนี้",
    "a survey of young people gambling online (th)": "ผลสำรวจพบเยาวชนไทยเล่นพนันออนไลน์เพิ่มขึ้นร้อยละ 20",
    "a ban on advertising online casinos (ru)": "Госдума приняла закон о запрете рекламы онлайн казино",
    "casino-site advertising on the rise (ko)": "카지노사이트 광고 급증… 방심위, 불법 도박 사이트 차단 나서",
    "a betting ring broken up (vi)": "Triệt phá đường dây cá cược bóng đá qua mạng quy mô hơn 1.000 tỷ đồng",
    "a crackdown on cross-border gambling (zh)": "国家严厉打击跨境网络赌博，关停非法博彩网站两千余个。",
    "a bookmaker fined for false advertising (vi)": "Nhà cái bị phạt vì quảng cáo sai sự thật trên mạng xã hội.",
    "a betting app showing odds wrongly (vi)": (
        "Lỗi hiển thị tỷ lệ cược trong ứng dụng\n"
        "Khi mở trang trận đấu, tỷ lệ cược của nhà cái hiển thị sai định dạng số thập phân."
    ),
    "a lottery results API error (zh)": (
        "彩票开奖结果接口返回 500\n调用 /api/lottery/result 时偶尔返回 500，体彩和福彩都有这个问题。"
    ),
    "a baccarat dealing bug in a card-game demo (zh)": (
        "百家乐游戏的发牌逻辑有 bug\n在我们的棋牌游戏 demo 里，百家乐第三张牌的补牌规则实现错了。"
    ),
    "a slot-machine simulator's RTP (ko)": (
        "슬롯머신 시뮬레이터 RTP 계산 오류\n기본 배당표에서 RTP가 102%로 나옵니다. 릴 가중치가 잘못된 것 같습니다."
    ),
    "an odds crawler of the official toto (ko)": (
        "토토 배당률 크롤러가 멈춥니다\n스포츠토토 공식 사이트 구조가 바뀐 뒤로 배당률 파싱이 실패합니다."
    ),
    "a roulette simulator's payout (ru)": (
        "Ошибка в симуляторе рулетки\n"
        "При ставке на зеро выплата считается как 35 к 1, а должна быть 35 к 1 плюс ставка."
    ),
    "a museum of Soviet arcade machines (ru)": (
        "Игровые автоматы в музее советских игровых автоматов\nМузей открыл новую экспозицию старых автоматов."
    ),
    "an odds API returning nothing (tr)": (
        "Bahis oranları API'si boş dönüyor\nMaç listesi geliyor ama bahis oranları alanı boş."
    ),
    "a news site's issue on filtering illegal betting ads, illegal in one word (tr)": (
        "Haber sitesinde bahis reklamlarını engelle\nYasadışı bahis siteleri ve casino reklamları yorum bölümünde "
        "çıkıyor. Bunları otomatik olarak gizleyen bir filtre ekleyelim."
    ),
    "a dataset card naming what it removes and its false positives (en)": (
        "Dataset card: this corpus removes pages about online gambling (judi online, slot, togel) using a keyword "
        "list; false positives on news articles are documented below."
    ),
    "a pachislot simulator's reel timing (ja)": (
        "スロットのリール停止タイミングがずれる\nパチスロ実機シミュレーターでリール停止が1フレーム遅れます。"
    ),
    "odds rounded in a betting simulator (pt)": (
        "Erro ao calcular odds de apostas esportivas no simulador\n"
        "O simulador de apostas esportivas arredonda as odds para baixo."
    ),
    "a law on betting houses (es)": (
        "Las casas de apuestas deberán verificar la edad de los jugadores, según la nueva ley."
    ),
    "a baccarat simulator's third card (th)": (
        "โปรแกรมจำลองบาคาร่า: การแจกไพ่ใบที่สามผิด\nกฎการจั่วไพ่ใบที่สามของเจ้ามือไม่ถูกต้อง"
    ),
    "a tax on online casinos (pt)": "Cassinos online terão de pagar 12% de imposto, decide o governo.",
    "a telecom's first top-up offer (vi)": "Khuyến mãi 50% giá trị thẻ nạp cho lần nạp đầu tiên trong tháng.",
    "a newsletter sign-up (vi)": "Đăng ký nhận bản tin của chúng tôi để cập nhật tin tức mới nhất.",
    "a phone top-up bonus (zh)": "充值送话费活动今天开始，充值100元送20元。",
    "a bank's fixed-deposit rate (zh)": "定期存款优惠利率上调，详情请咨询网点。",
    "a shop's sign-up coupon (zh)": "新用户注册就送优惠券，全场包邮。",
    "a broker's first-deposit bonus (ja)": "FX口座開設で初回入金ボーナスがもらえるキャンペーン実施中。",
    "a bank account's first deposit (pt)": "Abra sua conta e faça o primeiro depósito pelo Pix.",
    "a year-end bonus paid (ko)": "연말 성과 보너스 지급 일정이 공지되었습니다.",
    "a mobile game's first top-up (zh)": "这款手游首充双倍钻石，活动持续一周。",
    "a contest's prize money (zh)": "比赛冠军可获得彩金十万元。",
    "online entertainment in the pandemic (zh)": "疫情期间，线上娱乐成为年轻人的主要消遣方式。",
    "an entertainment complex (zh)": "这座大型娱乐城包括电影院、溜冰场和餐厅。",
    "a mall's arcade (zh)": "商场三楼的电子游艺厅适合儿童游玩。",
    "points for a shop's sign-up (zh)": "新用户注册送500积分，可在商城兑换礼品。",
    "cash from an ATM (zh)": "银行卡ATM提款秒到，无需排队。",
    "a psychologist on free spins (ru)": "Что такое фриспины и почему они опасны: объясняет психолог.",
    "playing chess for money (ru)": "Играть на деньги в шахматы запрещено правилами клуба.",
    "a supermarket's loyalty points (vi)": "Tích điểm đổi thưởng khi mua sắm tại siêu thị.",
    "a school's prize for good students (vi)": (
        "Học sinh giỏi đăng ký nhận thưởng tại văn phòng trường trước thứ Sáu."
    ),
    "a food app's free credit (th)": "ลูกค้าใหม่รับเครดิตฟรี 50 บาทสำหรับสั่งอาหารครั้งแรกในแอป",
    "a welcome bonus for new employees (tr)": "Yeni çalışanlara hoşgeldin bonusu ödenecek.",
    "free pilates classes (pt)": "A academia oferece rodadas grátis de pilates para novos alunos.",
    "a lottery simulator's Telegram group (en)": (
        "Join our Telegram group for lottery simulator updates\n"
        "The simulator draws six numbers and checks your ticket."
    ),
    "a match preview naming live betting and the pools (tr)": (
        "Derbi öncesi oranlar\n"
        "Bahis kuponu hazırlayan taraftarlar iddaa oranlarını takip ediyor.\n"
        "Canlı bahis ve spor bahisleri reklamları yasak olmasına rağmen sosyal medyada yayılıyor."
    ),
    "a punter's winning accumulator (en)": (
        "Punter lands 10,000-1 acca\n"
        "A pub landlord shared his bet slip after a 12-fold accumulator came in at odds of 10,000-1.\n"
        "The bookmaker confirmed the payout. His bet history shows he has placed the same football acca every "
        "weekend.\n"
        "Online casino and sportsbook brands sponsored half of the league's shirts this season."
    ),
    "a slot machine game's readme, named as a package (en)": (
        "react-slot-machine\n"
        "A slot machine game built with React and TypeScript.\n"
        "Features: three reels, paylines, free spins bonus round, jackpot animation and sound effects.\n"
        "The RTP is configurable in config.ts; no real money is involved, it is a demo for learning game loops."
    ),
    "a list of runtimes and releases with their versions (en)": (
        "Supported platforms\n"
        "We test on node18, node20 and node22, python311 and python312, ubuntu2204 and ubuntu2404.\n"
        "Windows builds use msvc2022; macOS builds use xcode15 on macos14."
    ),
    "the odds and the state lottery in sports news (vi)": (
        "Người hâm mộ đổ xô mua vé số\n"
        "Nhiều người chia sẻ lịch sử cược của mình trên mạng xã hội trước trận chung kết.\n"
        "Tỷ lệ kèo được các trang thể thao cập nhật liên tục, xổ số kiến thiết cũng tăng doanh thu."
    ),
    "news on a state banning sweepstakes casinos (en)": (
        "California bans sweepstakes casinos\n"
        "The new law makes it illegal to offer sweeps coins redeemable for cash; operators such as Chumba and "
        "McLuck must leave the state."
    ),
    # one message: a headline that reports above a lede naming the offers, which names no police of its own
    "a headline on blocking above a lede naming the sites (id)": (
        "Kominfo blokir 1,9 juta konten judi online\n"
        "Menteri menyebut situs slot dan togel memanfaatkan celah di situs pemerintah dan kampus."
    ),
    "a headline on a warning above a lede naming the offers (vi)": (
        "Bộ Công an cảnh báo lừa đảo\n"
        "Nhiều trang nhà cái và game bài đổi thưởng dụ người chơi nạp tiền rồi chiếm đoạt."
    ),
    "a headline on a police warning above a lede naming the offers (en)": (
        "Police warn of fake casino apps\n"
        "The apps promise a 200% welcome bonus and free spins, then keep the deposit."
    ),
    "a headline on an arrest above a lede naming the offers (ko)": (
        "불법 카지노사이트 운영자 구속\n"
        "첫충 이벤트와 매충 보너스로 회원을 모은 혐의로 기소됐다."
    ),
    "a headline on a trial above a lede naming the offers (vi)": (
        "Xét xử nhóm tổ chức đánh bạc qua game bài đổi thưởng\n"
        "Các bị cáo quảng cáo nạp thẻ cào nhận thưởng 100% để lôi kéo người chơi."
    ),
    "a headline on a case cracked above a lede naming the offers (zh)": (
        "警方侦破特大网络赌博案\n"
        "该团伙以百家乐、真人视讯为名吸引会员充值，首存送100%彩金。"
    ),
    "a headline on a sentence above a lede naming the casino (zh)": (
        "法院判处赌博网站代理人有期徒刑三年\n"
        "被告人在微信群推广澳门新葡京娱乐城注册送彩金活动。"
    ),
    "a headline on a prosecution above a lede naming the offers (th)": (
        "ดำเนินคดีแอดมินเว็บสล็อต\n"
        "ผู้ต้องหาโพสต์โฆษณาสมัครรับโบนัส 100% ฝากถอนออโต้"
    ),
}

DEVELOPMENT_ISSUES = [
    "Bug: tombol 'Spin' pada game slot demo tidak berfungsi setelah saldo habis, seharusnya muncul dialog isi ulang "
    "saldo virtual.",
    "Tambahkan fitur riwayat taruhan di halaman profil pengguna (aplikasi simulasi togel untuk tugas kuliah).",
    "Halaman hasil togel di aplikasi simulasi kami menampilkan error 500 setelah update server.",
    "Sportsbook: parlay with a void leg throws an exception in SettlementService. Stack trace below.",
    "Error 500 saat klaim bonus harian di aplikasi game",
    "Free spins feature in slot demo is not resetting between sessions\n\nAfter reloading the page, the free spins "
    "counter keeps the previous value from localStorage.",
    "Togel: hasil tidak tampil\nTogel hasil keluaran tidak tampil di halaman utama setelah update. Error di console: "
    "undefined.",
    "Rulet: yanlış ödeme\nRulet tek sayı bahsinde 3 kat ödüyor, hata var.",
    "Hata: rulet simülasyonunda yanlış ödeme\nRulet simülatöründe tek sayı bahsi 2 kat yerine 3 kat ödüyor. Kodda "
    "hata var.",
    "Казино: ошибка баланса\nКазино модуль показывает отрицательный баланс после вывода. Ошибка в расчёте.",
    "Lỗi hiển thị tỷ lệ kèo trong ứng dụng\nKhi mở trang kèo bóng đá, ứng dụng bị treo. Lỗi xảy ra trên iOS 17. "
    "Cách tái hiện: mở app, chọn trận đấu.",
]


@pytest.mark.parametrize("issue", DEVELOPMENT_ISSUES)
def test_a_bug_report_or_feature_request_on_a_gambling_product_is_clean(issue):
    """An issue tracker's texts on slot games, lottery apps and sportsbooks name their gambling words in sentences
    about code (development.tsv); the word models, which learned those words from advertisements, read them as
    spam, and two promotions named in one ("parlay", "sportsbook") read as an operator's page. An issue's title is
    no sentence, and its words of development discount it all the same ("Error 500 saat klaim bonus ..."); a title
    naming two promotions ("free spins", "slot demo") above a body on code is no operator's page. A tracker's
    "area: summary" title names the game its body opens with ("Rulet: yanlış ödeme" above "Rulet tek sayı ..."),
    a doorway's head in shape, and its body's words of development are its title's too. A Vietnamese body, which
    only the blind segment model reads, is outweighed by its own word of development."""
    report = spamsift.check(text=issue)
    assert report.label == "clean", (report.score, report.reasons)


@pytest.mark.parametrize("issue", [
    "El bono de bienvenida de la tienda no se aplica al carrito\n\nAl aplicar el código BIENVENIDA10 el total no "
    "cambia.",
    "O bônus de boas-vindas não aparece para novos clientes da loja\n\nDepois do cadastro, o desconto de 10% não é "
    "aplicado ao primeiro pedido.",
])
def test_a_shops_welcome_bonus_is_no_gambling_offer(issue):
    """A shop, a bank or a telecom welcomes new customers with a bonus too: in Spanish and Portuguese, as in English,
    the welcome and sign-up bonuses are gambling's subject, not its offer."""
    report = spamsift.check(text=issue)
    assert report.label == "clean", (report.score, report.reasons)


@pytest.mark.parametrize("promotion", [
    "Situs slot gacor anti error dan tanpa bug, daftar sekarang di MANTAP88 dapatkan bonus new member 100%!",
    "Main di sini gak pernah error, WD cepat, hubungi WA 0812-3456-7890 untuk daftar slot gacor.",
    "💚7PUTRI💚 terpercaya. Banyak pilihan game, tidak pernah error parah, WD masuk tepat waktu, CS ramah.",
    "Slot Gacor Anti Error\nSitus slot gacor server thailand tidak pernah error, bonus new member 100%, deposit dana "
    "10rb.",
    "Error 404? Gunakan link alternatif slot88\nLink alternatif SLOT88 terbaru anti blokir, daftar dan login slot88 "
    "tanpa error.",
])
def test_a_promotion_promising_no_errors_is_still_spam(promotion):
    """Gambling advertisements promise a server "anti error", "tanpa bug": beside a brand, a contact, a numbered
    name or pictographs, the words of software development excuse nothing."""
    assert spamsift.check(text=promotion).label == "gambling"


def test_a_promotion_spliced_into_a_technical_page_is_still_located():
    """A block's own words of software development discount it, never another block's."""
    manual = (
        "If the request fails, the client raises an exception with the error message returned by the endpoint.\n"
        "To reproduce the bug, run the unit tests with the debug flag and read the stack trace in the log.\n"
        "The old endpoint is deprecated and will be removed in the next release of the library.\n"
    )
    promotion = "Daftar situs slot gacor hari ini, link alternatif terpercaya gampang maxwin dan bonus new member 100%"
    report = spamsift.check(text=manual + promotion + "\n" + manual)
    assert report.label == "gambling"
    assert [block.text for block in report.spam_blocks] == [promotion]


WALLET_BUG_REPORTS = [
    "Halaman riwayat transaksi deposit dan withdraw kosong",
    "Deposit minimal Rp10.000 gagal diproses di aplikasi",
    "Tambahkan validasi nominal deposit minimal dan maksimal di form top up",
    "Halaman riwayat transaksi deposit dan withdraw kosong setelah update aplikasi ke versi 2.3.1 di Android",
    "Tombol withdraw tidak muncul di halaman dompet untuk pengguna yang belum verifikasi KYC, padahal sudah upload KTP",
    "Withdraw crypto ke wallet Binance pending lebih dari 24 jam",
    "Bonus points not credited after deposit",
]


@pytest.mark.parametrize("report", WALLET_BUG_REPORTS)
def test_a_wallet_apps_bug_report_on_deposits_and_withdrawals_is_clean(report):
    """A cashier's words are a bank's and an e-wallet's too, and the word models do not read them: the training
    data has them almost only on gambling pages."""
    assert spamsift.check(text=report).label == "clean"


ENGLISH_SENTENCES = [
    "Release the worker slot immediately if the job fails.",
    "We stayed at a hotel next to the casino.",
    "I don't want to play roulette with the port forwarding settings.",
    "Built the recommendation service for an online casino client, scaling it to 800K users.",
    "Each request takes a free slot from the pool, or waits in the queue.",
    "The lottery scheduler picks the next process at random, weighted by its tickets.",
    "After the free spins bonus round the reels desync on Android.",
    "Slot machine demo: free spins trigger twice when scatter lands on reel 5",
]


@pytest.mark.parametrize("sentence", ENGLISH_SENTENCES)
def test_an_english_sentence_naming_gambling_words_is_clean(sentence):
    """One sentence is read as a whole by the page-text model, which learned the comments' Indonesian: it must not
    read English itself as spam; and a block naming an offer speaks against it only when the segment model is
    sure of it (a bug report on a slot game names "free spins")."""
    assert spamsift.check(text=sentence).label == "clean"


@pytest.mark.parametrize("name", sorted(HARD_NEGATIVES))
def test_hard_negative_is_clean(name):
    report = spamsift.check(text=HARD_NEGATIVES[name])
    assert report.label == "clean", (report.score, [(b.text, b.score) for b in report.blocks])
    assert not report.spam_blocks


@pytest.mark.parametrize("message", [
    "Polisi tidak bisa blokir kami!\nSlot online anti blokir, link alternatif selalu aktif, bonus new member 100%.",
    "Kata polisi situs ini aman\nDaftar sekarang di situs slot gacor hari ini, deposit dana 10rb langsung main.",
])
def test_a_promotion_below_a_line_naming_the_police_is_still_spam(message):
    """A short text's report is the whole message's, and discounts its other lines as a report's: a promotion is
    not discounted below what it reads as."""
    report = spamsift.check(text=message)
    assert report.label == "gambling", (report.score, report.reasons)
    assert [block.text for block in report.spam_blocks] == [message.splitlines()[1]]


ARTICLE = (
    "The city council approved the new budget for public transport on Monday after a long debate about fares.\n"
    "Residents said the changes would help commuters who travel from the suburbs every day.\n"
    "Critics argued that the plan did not address the shortage of drivers, which has caused cancellations.\n"
)


@pytest.mark.parametrize("promotion", [
    "Best online casino 2024: claim your welcome bonus and 100 free spins, fast withdrawals. Sign up now!",
    "Top rated sportsbook with the best odds. Register today and get a 200% deposit bonus plus free bets.",
])
def test_an_english_promotion_injected_into_an_article_is_located(promotion):
    report = spamsift.check(text=ARTICLE + promotion + "\n" + ARTICLE)
    assert report.label == "gambling"
    assert [block.text for block in report.spam_blocks] == [promotion]


@pytest.mark.parametrize("line", [
    "DEWATOTO bersama Klinik Sehat Sentosa menyediakan layanan pemeriksaan kesehatan, vaksinasi dan konsultasi gizi "
    "untuk keluarga. Klinik ini buka setiap hari dengan dokter umum dan dokter anak yang berpengalaman.",
    "Klinik Sehat Sentosa | MEGATOGEL Layanan Kesehatan Keluarga dan Vaksinasi",
    "BET168 bersama Blue Energy Suppliers memfasilitasi transisi ke energi hijau dengan panel surya dan baterai.",
    "TOGELTAIWAN menyediakan beberapa portal daring untuk mendukung kegiatan akademik dan administrasi mahasiswa.",
    "INDOSLOTS bersama Conasep memperkuat jejaring profesional dan organisasi dalam pemberdayaan anggota.",
])
def test_a_line_opening_with_a_capitalised_gambling_name_is_located(line):
    """Doorway kits stamp their keyword in capitals before the victim's own sentences and names: the words after it
    read as genuine, the capitalised name at a line's or a part's opening does not."""
    report = spamsift.check(text=ARTICLE + line + "\n" + ARTICLE)
    assert report.label == "gambling", report.score
    assert [block.text for block in report.spam_blocks] == [line]
    assert report.spam_blocks[0].reasons[0].startswith("opens with a gambling name in capitals")


@pytest.mark.parametrize("line", ["SKU: PCZS99", "Booking | TIMESLOTS"])
def test_a_product_code_or_a_heading_alone_in_its_part_is_not_located(line):
    """A numbered name by a number gambling brands take, or a name with a brand ending glued inside it, stamps a
    line only when the victim's words follow it: a shop's "SKU: PCZS99" is its product's code, a booking page's
    "TIMESLOTS" a heading."""
    report = spamsift.check(text=ARTICLE + line + "\n" + ARTICLE)
    assert report.label == "clean", (report.score, report.reasons)


@pytest.mark.parametrize("line", [
    "Polisi menangkap tiga admin situs judi online SLOT88 yang mempromosikan judi di media sosial.",
    "The club announced a new sleeve sponsorship deal with FUN88 ahead of the season opener on Saturday.",
])
def test_a_capitalised_gambling_name_in_news_is_not_located(line):
    """A report names the brand beside its reporting words, and news on a sponsor writes its name inside a
    sentence, not at its opening."""
    report = spamsift.check(text=ARTICLE + line + "\n" + ARTICLE)
    assert report.label == "clean", (report.score, report.reasons)


CASINO_OFFERS = (
    "New players are welcome here. Your first deposit is matched and comes with bonus cash that you can use on "
    "every game in our lobby, and the wagering requirements are among the lowest you will find. Every week you "
    "can also look forward to reload bonuses, and on Fridays we add free spins on the newest games for all of our "
    "members. Our support team is available around the clock, so you are never left alone with a question."
)


@pytest.mark.parametrize("promotion", [
    "McLuck promo code: 7,500 GC + 2.5 free SC\nSign up at McLuck social casino and redeem sweeps coins for real "
    "cash prizes.",
    "Stake.us bonus drop code today\nClaim free Stake Cash, play slots and plinko, redeem for crypto.",
])
def test_a_sweepstakes_casinos_promotion_is_gambling(promotion):
    """A sweepstakes casino pays out in its own coin, redeemed for cash prizes: its promotions offer the coin."""
    report = spamsift.check(text=promotion)
    assert report.label == "gambling", (report.score, report.reasons)


def test_an_english_casino_offer_written_in_sentences_is_gambling():
    """Long English sentences read as clean to the models (every English text they learned from was genuine);
    the promotion phrases they name make such a page gambling, alone or inside an article."""
    alone = spamsift.check(text=CASINO_OFFERS)
    assert alone.label == "gambling", alone.score
    inside = spamsift.check(text=ARTICLE + CASINO_OFFERS + "\n" + ARTICLE)
    assert inside.label == "gambling", inside.score
    assert [block.text for block in inside.spam_blocks] == [CASINO_OFFERS]


def test_a_news_page_whose_title_meta_and_url_name_the_promotions_it_reports_on_is_clean():
    """A headline names the promotions it reports on without a sentence around them, in the body and again in
    the title, the description and the URL; the page's reporting words vouch for all of them."""
    headline = "Polisi Bongkar Jaringan Situs Judi Online dan Slot Gacor"
    html = (f"<html><head><title>{headline} - Berita Kota</title>"
            '<meta name="description" content="Polisi menangkap 12 tersangka promosi situs judi online dan slot '
            f'gacor."></head><body><article><h1>{headline}</h1>'
            "<p>Kepolisian menetapkan 12 tersangka dalam kasus promosi judi daring yang melibatkan sejumlah "
            "pemengaruh media sosial.</p><p>Menurut juru bicara kepolisian, para tersangka menerima bayaran hingga "
            "puluhan juta rupiah setiap bulan.</p><p>Polisi juga menyita barang bukti berupa telepon genggam dan "
            "buku tabungan dari para tersangka.</p></article></body></html>")
    report = spamsift.check(html=html, url="https://berita.example/polisi-bongkar-situs-judi-online-dan-slot-gacor")
    assert report.label == "clean", (report.score, report.reasons)
    assert headline in report.clean_text


def _institution_page(title: str, paragraphs: list[str]) -> str:
    return (f"<html><head><title>{title}</title></head><body><nav><ul><li><a href='/'>Beranda</a></li>"
            "<li><a href='/berita'>Berita</a></li><li><a href='/kontak'>Kontak</a></li></ul></nav><main>"
            f"<h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</main><footer>© 2025</footer>"
            "</body></html>")


@pytest.mark.parametrize(("title", "paragraphs"), [
    ("TOTO Indonesia - Kloset Duduk dan Shower", [
        "TOTO menghadirkan kloset duduk dengan teknologi Tornado Flush yang hemat air.",
        "Temukan showroom TOTO terdekat di kota Anda.", "Garansi resmi 5 tahun untuk semua produk."]),
    ("Pengumuman Pemenang Lomba Karya Tulis Ilmiah", [
        "Panitia mengumumkan daftar pemenang lomba karya tulis ilmiah tingkat nasional.",
        "Juara pertama diraih oleh tim dari Universitas Gadjah Mada dengan hadiah uang pembinaan Rp10 juta.",
        "Para pemenang akan menerima sertifikat dan trofi pada acara penutupan.",
        "Terima kasih kepada seluruh peserta yang telah berpartisipasi."]),
])
def test_indonesian_prose_naming_nothing_of_gambling_is_clean(title, paragraphs):
    """A sentence that names nothing of spam is spam only beside spam: "toto" and "daftar pemenang" weigh in the
    word models, which learned Indonesian from gambling comments."""
    report = spamsift.check(html=_institution_page(title, paragraphs))
    assert report.label == "clean", (report.score, [(b.text, b.score) for b in report.blocks])


MINISTRY_PAGE = (
    "<html><head><title>Daftar Situs Judi Online yang Diblokir</title></head><body><article>"
    "<h1>Daftar Situs Judi Online yang Diblokir Kementerian</h1>"
    "<p>Kementerian Komunikasi dan Digital telah memblokir 3,2 juta konten judi online sejak 2023.</p>"
    "<p>{sentence}</p>"
    "<p>Pemblokiran dilakukan bersama OJK dan PPATK terhadap rekening penampung.</p></article></body></html>")


def test_a_sentence_sending_readers_to_where_gambling_is_reported_is_discounted():
    """An address in a reporting sentence cancels its discount only when it names gambling: the ministry's page
    sends readers to its complaints portal, an injection to the operator."""
    portal = spamsift.check(html=MINISTRY_PAGE.format(
        sentence="Masyarakat dapat melaporkan situs slot, togel dan kasino online melalui aduankonten.id."))
    assert portal.label == "clean", (portal.score, portal.reasons)
    operator = spamsift.check(html=MINISTRY_PAGE.format(
        sentence="Masyarakat dapat bermain slot, togel dan kasino online dengan aman melalui slot88-resmi.com."))
    assert operator.label == "gambling", (operator.score, operator.reasons)


def test_a_news_search_result_whose_url_is_a_tag_of_the_promotions_is_clean():
    """A news site writes its address from its headline or its tags, with no reporting word of its own; on a page that
    reports the address is the headline's. The same address beside a doorway's self-description stays spam."""
    url = "https://berita.example/tag/judi-togel"
    news = search_result("Polres Tangkap 12 Tersangka Judi Togel Online",
                         "Polres Metro menangkap 12 tersangka judi togel online di Bekasi.", url)
    doorway = search_result("Dinas Pendidikan Kota Bekasi", "Website resmi Dinas Pendidikan Kota Bekasi.", url)
    assert spamsift.check(text=news, url=url).label == "clean"
    assert spamsift.check(text=doorway, url=url).label == "gambling"


@pytest.mark.parametrize(("title", "description", "url"), [
    ("Dosen FEB Teliti Dampak Judi Online terhadap Keuangan Mahasiswa",
     "Penelitian menemukan 12% responden pernah bermain slot online dan mengalami kerugian.",
     "https://feb.kampus.example/penelitian-judi-online/"),
    ("Skripsi: Analisis Sentimen Komentar Judi Online di YouTube",
     "Penelitian ini mengklasifikasikan komentar promosi situs slot dan togel menggunakan IndoBERT.",
     "https://repository.kampus.example/skripsi-judol/"),
])
def test_a_search_result_on_a_study_of_gambling_is_clean(title, description, url):
    """A study names gambling's harm or its comments in its title; its snippet is one message with it."""
    assert spamsift.check(text=search_result(title, description, url), url=url).label == "clean"


def test_a_keyword_line_on_a_page_reporting_on_gambling_is_still_spam():
    """The discount for headlines needs a reporting word in the line itself: an injected keyword line has none."""
    keywords = "situs slot gacor hari ini link alternatif"
    report = spamsift.check(text=keywords + "\n" + HARD_NEGATIVES["police news (id)"])
    assert report.label == "gambling"
    assert [block.text for block in report.spam_blocks] == [keywords]


def test_news_naming_the_apps_gambling_advertises_on_is_not_an_advertisement():
    sentence = ("Many online casinos now advertise their bonuses through Telegram channels and WhatsApp groups, "
                "researchers found in a survey of 2,000 users.\n")
    report = spamsift.check(text=ARTICLE + sentence + ARTICLE)
    assert report.label == "clean", [(b.text, b.score, b.reasons) for b in report.blocks if b.score > 0.2]


@pytest.mark.parametrize(("title", "description", "url"), [
    ("Skripsi: Faktor yang Memengaruhi Remaja Bermain Slot Online",
     "Penelitian ini menganalisis faktor yang memengaruhi remaja bermain slot online, termasuk promosi bonus deposit "
     "dan RTP.", "https://repository.kampus.example/skripsi-slot-online/"),
    ("Thesis: Marketing tactics of online casinos",
     "This thesis analyses welcome bonus offers, free spins and VIP programmes used by online casinos to attract new "
     "players.", "https://repository.university.example/thesis-casino-marketing/"),
    ("研究：大学生网络赌博行为调查",
     "本研究调查了500名大学生，发现百家乐、真人视讯和体育投注广告常以首存送彩金吸引用户。",
     "https://www.university.example/research/gambling/"),
    ("Pesquisa: apostas esportivas entre jovens",
     "O estudo mostra que bônus de boas-vindas e rodadas grátis atraem jovens para cassinos online e bets.",
     "https://www.universidade.example/pesquisa-apostas/"),
    ("Исследование: азартные игры среди студентов",
     "Опрос показал, что студенты узнают об онлайн-казино из рекламы бонусов за регистрацию и фриспинов.",
     "https://www.university.example/research/gambling/"),
])
def test_a_search_result_on_research_naming_the_offers_it_studies_is_clean(title, description, url):
    """Research words (research.tsv) read as a report's: a thesis or a survey names the offers it studies, in any
    language, and promotes none."""
    report = spamsift.check(text=search_result(title, description, url), url=url)
    assert report.label == "clean", (report.score, report.reasons)


@pytest.mark.parametrize(("title", "description", "url"), [
    ("Guru BK Ajak Siswa Jauhi Judi Online",
     "Guru BK mengingatkan siswa bahwa situs slot gacor yang menjanjikan maxwin hanyalah jebakan yang merugikan.",
     "https://smpn2.sekolah.example/guru-bk-judi-online/"),
    ("Pemkot Bentuk Satgas Pemberantasan Judi Online",
     "Satgas akan menindak ASN yang terbukti bermain judi online, slot dan togel.",
     "https://pemkot.example/satgas-judi-online/"),
    ("Sosialisasi Literasi Digital: Kenali Modus Situs Judi",
     "Peserta diajak mengenali ciri situs judi: link alternatif, bonus new member 100% dan deposit via pulsa tanpa "
     "potongan.", "https://bpsdm.provinsi.example/literasi-digital-judi/"),
    # Thai marks no sentence's end: the snippet is read as a sentence all the same
    ("ตำรวจเตือนภัยเว็บพนันออนไลน์", "มิจฉาชีพโฆษณาสล็อตเว็บตรง ฝากถอนไม่มีขั้นต่ำ เพื่อหลอกให้โอนเงิน",
     "https://police.example/news/"),
])
def test_a_search_result_whose_headline_warns_of_gambling_covers_its_snippet(title, description, url):
    """A headline that reports on gambling (a reporting word beside a gambling term) makes the snippet under it the
    report's, however many offers it names to warn of them: the word models weigh such a sentence far above any
    discount."""
    report = spamsift.check(text=search_result(title, description, url), url=url)
    assert report.label == "clean", (report.score, report.reasons)


def test_research_words_on_a_long_page_do_not_hide_a_spliced_promotion():
    """News quotes researchers beside anything: on a long page a study's words discount only their own block, and a
    promotion spliced among them stays spam."""
    promotion = "Situs judi online terpercaya dengan pelayanan terbaik dan proses deposit yang cepat sekali."
    study = ("Researchers surveyed 2,000 commuters and found that most respondents wanted more frequent buses.\n"
             "The questionnaire also asked about fares; the researchers said prices mattered less than reliability.\n")
    report = spamsift.check(text=ARTICLE + study + promotion + "\n" + ARTICLE)
    assert report.label == "gambling", (report.score, report.reasons)
    assert [block.text for block in report.spam_blocks] == [promotion]
