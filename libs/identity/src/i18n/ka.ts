import type { TranslationOf } from '@chartuloba/platform';
import type { en } from './en';

export const ka: TranslationOf<typeof en> = {
  'identity.nav.admin-accounts': 'ანგარიშები',
  'identity.role.citizen': 'მოქალაქე',
  'identity.role.council_member': 'საკრებულოს წევრი',
  'identity.role.staff': 'მუნიციპალიტეტის თანამშრომელი',
  'identity.role.moderator': 'მოდერატორი',
  'identity.role.admin': 'ადმინისტრატორი',

  'identity.field.display-name': 'თქვენი სახელი',
  'identity.field.display-name-hint': 'გამოჩნდება თქვენს პეტიციებსა და კომენტარებთან',
  'identity.field.email': 'ელფოსტის მისამართი',
  'identity.field.password': 'პაროლი',
  'identity.field.password-hint':
    'მინიმუმ {min} სიმბოლო. რამდენიმე სიტყვა ზედიზედ ადვილი დასამახსოვრებელია და ძნელი გამოსაცნობი.',
  'identity.field.new-password': 'ახალი პაროლი',
  'identity.field.current-password': 'მიმდინარე პაროლი',
  'identity.field.login': 'ელფოსტა ან მომხმარებლის სახელი',

  'identity.sign-up.title': 'ანგარიშის შექმნა',
  'identity.sign-up.intro':
    'ანგარიშით შეგიძლიათ ხელი მოაწეროთ პეტიციებს, შესთავაზოთ პროექტები და მისცეთ ხმა თქვენი სოფლისთვის.',
  'identity.sign-up.submit': 'ანგარიშის შექმნა',
  'identity.sign-up.have-account': 'უკვე გაქვთ ანგარიში?',

  'identity.sign-in.title': 'შესვლა',
  'identity.sign-in.submit': 'შესვლა',
  'identity.sign-in.forgot': 'დაგავიწყდათ პაროლი?',
  'identity.sign-in.no-account': 'ჯერ არ გაქვთ ანგარიში?',
  'identity.sign-in.create': 'შექმენით ანგარიში',
  'identity.sign-in.code-link': 'მუნიციპალიტეტში მიიღეთ დაბეჭდილი ერთჯერადი კოდი?',

  'identity.code.title': 'შესვლა ერთჯერადი კოდით',
  'identity.code.intro':
    'შეიყვანეთ კოდი ფურცლიდან, რომელიც მუნიციპალიტეტის ოფისში მიიღეთ. ის ერთხელ მუშაობს.',
  'identity.code.field': 'ერთჯერადი კოდი',
  'identity.code.hint': '10 ასო და ციფრი, როგორც დაბეჭდილია; ტირეები არ არის სავალდებულო',
  'identity.code.submit': 'შესვლა',

  'identity.verify.failed-title': 'ეს ბმული არ მუშაობს',
  'identity.verify.failed-body':
    'ბმული უკვე გამოყენებულია ან ვადა გაუვიდა. თუ მისამართი დადასტურებულია, უბრალოდ შედით; სხვა შემთხვევაში ხელახლა დარეგისტრირდით.',

  'identity.forgot.title': 'პაროლის აღდგენა',
  'identity.forgot.intro': 'შეიყვანეთ თქვენი ანგარიშის ელფოსტა. გამოგიგზავნით ბმულს ახალი პაროლის ასარჩევად.',
  'identity.forgot.submit': 'ბმულის გამოგზავნა',

  'identity.reset.title': 'აირჩიეთ ახალი პაროლი',
  'identity.reset.submit': 'ახალი პაროლის შენახვა',

  'identity.account.title': 'თქვენი ანგარიში',
  'identity.account.name': 'სახელი',
  'identity.account.email': 'ელფოსტა',
  'identity.account.login-name': 'მომხმარებლის სახელი',
  'identity.account.roles': 'როლები',
  'identity.account.residency': 'რეზიდენტობა',
  'identity.account.resident-in': 'დადასტურებული მცხოვრები: {settlement}, {date}-დან',
  'identity.account.resident-since': 'დადასტურებული მცხოვრები {date}-დან',
  'identity.account.not-resident':
    'ჯერ არ არის დადასტურებული. რეზიდენტობის დასადასტურებლად პირადობის მოწმობით მობრძანდით მუნიციპალიტეტის ოფისში: ზოგიერთ კენჭისყრაში მხოლოდ მცხოვრებლები მონაწილეობენ.',
  'identity.account.change-password': 'პაროლის შეცვლა',
  'identity.account.set-password': 'პაროლის დაყენება',
  'identity.account.set-password-intro':
    'აირჩიეთ პაროლი; შემდეგ ჯერზე შედით მომხმარებლის სახელით {login} და ამ პაროლით.',
  'identity.account.save-password': 'პაროლის შენახვა',
  'identity.account.sign-out': 'გასვლა',

  'identity.flash.check-email':
    'თუ მისამართის გამოყენება შესაძლებელია, მასზე ბმული გავგზავნეთ. გთხოვთ, შეამოწმოთ ელფოსტა.',
  'identity.flash.email-verified': 'თქვენი ელფოსტა დადასტურებულია. ახლა შეგიძლიათ შესვლა.',
  'identity.flash.signed-in': 'თქვენ შეხვედით სისტემაში.',
  'identity.flash.signed-out': 'თქვენ გახვედით სისტემიდან.',
  'identity.flash.password-reset': 'პაროლი შეიცვალა. გთხოვთ, შეხვიდეთ ახალი პაროლით.',
  'identity.flash.password-changed': 'პაროლი შეიცვალა.',
  'identity.flash.code-signed-in':
    'მოგესალმებით! დაბეჭდილი კოდი მხოლოდ ერთხელ მუშაობს, ამიტომ ახლავე დააყენეთ პაროლი.',
  'identity.flash.role-granted': 'როლი მიენიჭა.',
  'identity.flash.role-revoked': 'როლი გაუქმდა.',
  'identity.flash.residency-verified': 'რეზიდენტობა დადასტურებულად აღირიცხა.',

  'identity.admin.title': 'ანგარიშები',
  'identity.admin.search-label': 'ანგარიშის ძებნა',
  'identity.admin.search-hint': 'სახელის, ელფოსტის ან მომხმარებლის სახელის ნაწილი',
  'identity.admin.search-submit': 'ძებნა',
  'identity.admin.create-assisted': 'ანგარიშის შექმნა მცხოვრებისთვის ელფოსტის გარეშე',
  'identity.admin.col-name': 'სახელი',
  'identity.admin.col-login': 'ელფოსტა ან მომხმარებლის სახელი',
  'identity.admin.col-roles': 'როლები',
  'identity.admin.col-resident': 'რეზიდენტობა დადასტურებულია',
  'identity.admin.yes': 'დიახ',
  'identity.admin.no': 'არა',
  'identity.admin.none': 'შესაბამისი ანგარიში ვერ მოიძებნა.',
  'identity.admin.count': '{count, plural, one {# ანგარიში} other {# ანგარიში}}',
  'identity.admin.previous': 'წინა გვერდი',
  'identity.admin.next': 'შემდეგი გვერდი',
  'identity.admin.pages': 'გვერდები',
  'identity.admin.back': 'ანგარიშებზე დაბრუნება',
  'identity.admin.account-title': 'ანგარიში: {name}',
  'identity.admin.roles-title': 'როლები',
  'identity.admin.grant': 'მინიჭება: {role}',
  'identity.admin.revoke': 'გაუქმება: {role}',
  'identity.admin.residency-title': 'რეზიდენტობა',
  'identity.admin.verified-on': 'დადასტურდა {date}',
  'identity.admin.personal-number': 'პირადი ნომერი',
  'identity.admin.personal-number-hint':
    '11 ციფრი, პირადობის მოწმობიდან. ინახება მხოლოდ ისეთი ფორმით, რომლის უკან წაკითხვა შეუძლებელია, და აღარასოდეს გამოჩნდება.',
  'identity.admin.settlement': 'მისამართის დასახლება',
  'identity.admin.settlement-none': 'არ არის მითითებული',
  'identity.admin.birth-year': 'დაბადების წელი',
  'identity.admin.verify-submit': 'რეზიდენტობის დადასტურება',
  'identity.admin.code-title': 'ერთჯერადი კოდი',
  'identity.admin.reissue': 'ახალი კოდის დაბეჭდვა',

  'identity.assisted.title': 'ანგარიში მცხოვრებისთვის ელფოსტის გარეშე',
  'identity.assisted.intro':
    'მცხოვრები იღებს დაბეჭდილ ფურცელს მომხმარებლის სახელითა და ერთჯერადი კოდით. პირველი შესვლის შემდეგ ის ირჩევს პაროლს.',
  'identity.assisted.display-name': 'სრული სახელი',
  'identity.assisted.submit': 'შექმნა და კოდის ფურცლის ჩვენება',

  'identity.sheet.title': 'თქვენი შესვლა ჩართულობაში',
  'identity.sheet.name': 'სახელი',
  'identity.sheet.login-name': 'მომხმარებლის სახელი',
  'identity.sheet.code': 'ერთჯერადი კოდი',
  'identity.sheet.how':
    'გახსენით {url}/sign-in/code და შეიყვანეთ კოდი. ის ერთხელ მუშაობს; შემდეგ აირჩიეთ პაროლი და შედით მომხმარებლის სახელითა და ამ პაროლით.',
  'identity.sheet.warning': 'ეს კოდი მხოლოდ ახლა ჩანს. დაბეჭდეთ ფურცელი, სანამ ამ გვერდს დატოვებთ.',
  'identity.sheet.print': 'დაბეჭდვა',

  'identity.mail.verify.subject': 'დაადასტურეთ თქვენი ელფოსტა',
  'identity.mail.verify.body':
    '{name}, გთხოვთ, დაადასტუროთ თქვენი ჩართულობის ანგარიშის ელფოსტა ქვემოთ მოცემული ბმულის გახსნით. ბმული {hours} საათის განმავლობაში მუშაობს.',
  'identity.mail.reset.subject': 'პაროლის აღდგენა',
  'identity.mail.reset.body':
    '{name}, ვიღაცამ მოითხოვა თქვენი ანგარიშის პაროლის აღდგენა. თუ ეს თქვენ იყავით, გახსენით ქვემოთ მოცემული ბმული {hours} საათის განმავლობაში; თუ არა, უგულებელყავით ეს წერილი.',
  'identity.mail.exists.subject': 'თქვენ უკვე გაქვთ ანგარიში',
  'identity.mail.exists.body':
    'ვიღაცამ სცადა დარეგისტრირება ამ ელფოსტით, რომელსაც უკვე აქვს ანგარიში. თუ ეს თქვენ იყავით, შედით ან აირჩიეთ ახალი პაროლი ქვემოთ მოცემული ბმულით.',

  'errors.identity.sign-in-required': 'გთხოვთ, შეხვიდეთ სისტემაში',
  'errors.identity.forbidden': 'ამაზე წვდომა არ გაქვთ',
  'errors.identity.invalid-credentials': 'ელფოსტა ან პაროლი არასწორია',
  'errors.identity.email-not-verified': 'ჯერ დაადასტურეთ ელფოსტა: გახსენით ბმული, რომელიც გამოგიგზავნეთ',
  'errors.identity.too-many-attempts':
    'შესვლის ძალიან ბევრი წარუმატებელი მცდელობა. გთხოვთ, მოიცადოთ 15 წუთი და სცადოთ ხელახლა',
  'errors.identity.link-invalid': 'ეს ბმული აღარ მოქმედებს. გთხოვთ, მოითხოვოთ ახალი',
  'errors.identity.code-invalid': 'ეს კოდი არასწორია ან უკვე გამოყენებულია',
  'errors.identity.current-password-wrong': 'მიმდინარე პაროლი არასწორია',
  'errors.identity.account-not-found': 'ანგარიში ვერ მოიძებნა',
  'errors.identity.personal-number-invalid': 'პირადი ნომერი 11 ციფრისგან შედგება',
  'errors.identity.personal-number-taken': 'ამ პირადი ნომრით უკვე დადასტურებულია სხვა ანგარიში',
  'errors.identity.already-resident': 'ამ ანგარიშის რეზიდენტობა უკვე დადასტურებულია',
  'errors.identity.settlement-unknown': 'აირჩიეთ მუნიციპალიტეტის დასახლება',
  'errors.identity.role-not-grantable': 'ამ როლის მინიჭება ან გაუქმება არ შეგიძლიათ',
  'errors.identity.last-admin': 'ბოლო ადმინისტრატორს ადმინისტრატორის როლი ვერ ჩამოერთმევა',
  'errors.identity.not-assisted': 'კოდით შესვლა მხოლოდ დახმარებით შექმნილ ანგარიშებს შეუძლიათ',
  'errors.identity.email-taken': 'ამ ელფოსტით ანგარიში უკვე არსებობს',
};
