import type { TranslationOf } from '@chartuloba/platform';
import type { en } from './en';

export const az: TranslationOf<typeof en> = {
  'identity.nav.admin-accounts': 'Hesablar',
  'identity.role.citizen': 'Vətəndaş',
  'identity.role.council_member': 'Sakrebulo üzvü',
  'identity.role.staff': 'Bələdiyyə əməkdaşı',
  'identity.role.moderator': 'Moderator',
  'identity.role.admin': 'Administrator',

  'identity.field.display-name': 'Adınız',
  'identity.field.display-name-hint': 'Petisiyalarınız və şərhlərinizin yanında göstərilir',
  'identity.field.email': 'E-poçt ünvanı',
  'identity.field.password': 'Parol',
  'identity.field.password-hint':
    'Ən azı {min} simvol. Ardıcıl bir neçə söz yadda saxlamaq üçün asan, təxmin etmək üçün çətindir.',
  'identity.field.new-password': 'Yeni parol',
  'identity.field.current-password': 'Hazırkı parol',
  'identity.field.login': 'E-poçt və ya istifadəçi adı',

  'identity.sign-up.title': 'Hesab yaradın',
  'identity.sign-up.intro':
    'Hesabla petisiyaları imzalaya, layihələr təklif edə və kəndiniz üçün səs verə bilərsiniz.',
  'identity.sign-up.submit': 'Hesab yarat',
  'identity.sign-up.have-account': 'Artıq hesabınız var?',

  'identity.sign-in.title': 'Daxil olun',
  'identity.sign-in.submit': 'Daxil ol',
  'identity.sign-in.forgot': 'Parolu unutmusunuz?',
  'identity.sign-in.no-account': 'Hələ hesabınız yoxdur?',
  'identity.sign-in.create': 'Hesab yaradın',
  'identity.sign-in.code-link': 'Bələdiyyədən çap olunmuş birdəfəlik kod almısınız?',

  'identity.code.title': 'Birdəfəlik kodla daxil olun',
  'identity.code.intro': 'Bələdiyyə ofisində aldığınız vərəqdəki kodu yazın. Kod yalnız bir dəfə işləyir.',
  'identity.code.field': 'Birdəfəlik kod',
  'identity.code.hint': 'Çap olunduğu kimi 10 hərf və rəqəm; tire yazmaq məcburi deyil',
  'identity.code.submit': 'Daxil ol',

  'identity.verify.failed-title': 'Bu keçid işləmir',
  'identity.verify.failed-body':
    'Keçid artıq istifadə olunub və ya müddəti bitib. Ünvanınız təsdiqlənibsə, sadəcə daxil olun; əks halda yenidən qeydiyyatdan keçin.',

  'identity.forgot.title': 'Parolu bərpa edin',
  'identity.forgot.intro':
    'Hesabınızın e-poçt ünvanını yazın. Yeni parol seçmək üçün sizə keçid göndərəcəyik.',
  'identity.forgot.submit': 'Keçid göndər',

  'identity.reset.title': 'Yeni parol seçin',
  'identity.reset.submit': 'Yeni parolu saxla',

  'identity.account.title': 'Hesabınız',
  'identity.account.name': 'Ad',
  'identity.account.email': 'E-poçt',
  'identity.account.login-name': 'İstifadəçi adı',
  'identity.account.roles': 'Rollar',
  'identity.account.residency': 'Sakinlik',
  'identity.account.resident-in': '{date} tarixindən {settlement} sakini kimi təsdiqlənib',
  'identity.account.resident-since': '{date} tarixindən sakin kimi təsdiqlənib',
  'identity.account.not-resident':
    'Hələ təsdiqlənməyib. Sakinliyinizi təsdiqlətmək üçün şəxsiyyət vəsiqənizlə bələdiyyə ofisinə gəlin: bəzi səsvermələr yalnız sakinlər üçündür.',
  'identity.account.change-password': 'Parolu dəyişin',
  'identity.account.set-password': 'Parol təyin edin',
  'identity.account.set-password-intro':
    'Parol seçin, növbəti dəfə {login} istifadəçi adı və bu parolla daxil olun.',
  'identity.account.save-password': 'Parolu saxla',
  'identity.account.sign-out': 'Çıxış',

  'identity.flash.check-email':
    'Ünvan istifadə oluna bilərsə, ona keçid göndərdik. Zəhmət olmasa, e-poçtunuzu yoxlayın.',
  'identity.flash.email-verified': 'E-poçt ünvanınız təsdiqləndi. İndi daxil ola bilərsiniz.',
  'identity.flash.signed-in': 'Daxil oldunuz.',
  'identity.flash.signed-out': 'Çıxış etdiniz.',
  'identity.flash.password-reset': 'Parolunuz dəyişdirildi. Zəhmət olmasa, yeni parolla daxil olun.',
  'identity.flash.password-changed': 'Parolunuz dəyişdirildi.',
  'identity.flash.code-signed-in':
    'Xoş gəlmisiniz! Çap olunmuş kod yalnız bir dəfə işləyir, ona görə indi parol təyin edin.',
  'identity.flash.role-granted': 'Rol verildi.',
  'identity.flash.role-revoked': 'Rol geri alındı.',
  'identity.flash.residency-verified': 'Sakinlik təsdiqlənmiş kimi qeyd edildi.',

  'identity.admin.title': 'Hesablar',
  'identity.admin.search-label': 'Hesab axtarın',
  'identity.admin.search-hint': 'Adın, e-poçt ünvanının və ya istifadəçi adının bir hissəsi',
  'identity.admin.search-submit': 'Axtar',
  'identity.admin.create-assisted': 'E-poçtu olmayan sakin üçün hesab yaradın',
  'identity.admin.col-name': 'Ad',
  'identity.admin.col-login': 'E-poçt və ya istifadəçi adı',
  'identity.admin.col-roles': 'Rollar',
  'identity.admin.col-resident': 'Sakinlik təsdiqlənib',
  'identity.admin.yes': 'Bəli',
  'identity.admin.no': 'Xeyr',
  'identity.admin.none': 'Uyğun hesab tapılmadı.',
  'identity.admin.count': '{count, plural, one {# hesab} other {# hesab}}',
  'identity.admin.previous': 'Əvvəlki səhifə',
  'identity.admin.next': 'Növbəti səhifə',
  'identity.admin.pages': 'Səhifələr',
  'identity.admin.back': 'Hesablara qayıt',
  'identity.admin.account-title': 'Hesab: {name}',
  'identity.admin.roles-title': 'Rollar',
  'identity.admin.grant': 'Ver: {role}',
  'identity.admin.revoke': 'Geri al: {role}',
  'identity.admin.residency-title': 'Sakinlik',
  'identity.admin.verified-on': '{date} tarixində təsdiqlənib',
  'identity.admin.personal-number': 'Şəxsi nömrə',
  'identity.admin.personal-number-hint':
    'Şəxsiyyət vəsiqəsindən 11 rəqəm. Yalnız geri oxuna bilməyən formada saxlanılır və bir daha göstərilmir.',
  'identity.admin.settlement': 'Ünvanın yaşayış məntəqəsi',
  'identity.admin.settlement-none': 'Qeyd olunmayıb',
  'identity.admin.birth-year': 'Doğum ili',
  'identity.admin.verify-submit': 'Sakinliyi təsdiqlənmiş kimi qeyd et',
  'identity.admin.code-title': 'Birdəfəlik kod',
  'identity.admin.reissue': 'Yeni kod çap et',

  'identity.assisted.title': 'E-poçtu olmayan sakin üçün hesab',
  'identity.assisted.intro':
    'Sakin istifadəçi adı və birdəfəlik kod yazılmış çap vərəqi alır. İlk girişdən sonra parol seçir.',
  'identity.assisted.display-name': 'Tam adı',
  'identity.assisted.submit': 'Yarat və kod vərəqini göstər',

  'identity.sheet.title': 'Chartuloba portalına girişiniz',
  'identity.sheet.name': 'Ad',
  'identity.sheet.login-name': 'İstifadəçi adı',
  'identity.sheet.code': 'Birdəfəlik kod',
  'identity.sheet.how':
    '{url}/sign-in/code ünvanını açın və kodu yazın. Kod bir dəfə işləyir; sonra parol seçin və istifadəçi adınız və həmin parolla daxil olun.',
  'identity.sheet.warning': 'Bu kod yalnız indi göstərilir. Səhifədən çıxmazdan əvvəl vərəqi çap edin.',
  'identity.sheet.print': 'Çap et',

  'identity.mail.verify.subject': 'E-poçt ünvanınızı təsdiqləyin',
  'identity.mail.verify.body':
    '{name}, zəhmət olmasa, aşağıdakı keçidi açaraq Chartuloba hesabınızın e-poçt ünvanını təsdiqləyin. Keçid {hours} saat ərzində işləyir.',
  'identity.mail.reset.subject': 'Parolun bərpası',
  'identity.mail.reset.body':
    '{name}, kimsə hesabınızın parolunun bərpasını istədi. Bu sizsinizsə, aşağıdakı keçidi {hours} saat ərzində açın; deyilsə, bu məktubu nəzərə almayın.',
  'identity.mail.exists.subject': 'Artıq hesabınız var',
  'identity.mail.exists.body':
    'Kimsə artıq hesabı olan bu e-poçt ünvanı ilə qeydiyyatdan keçməyə çalışdı. Bu sizsinizsə, daxil olun və ya aşağıdakı keçidlə yeni parol seçin.',

  'errors.identity.sign-in-required': 'Zəhmət olmasa, daxil olun',
  'errors.identity.forbidden': 'Buna icazəniz yoxdur',
  'errors.identity.invalid-credentials': 'E-poçt və ya parol düzgün deyil',
  'errors.identity.email-not-verified': 'Əvvəlcə e-poçt ünvanınızı təsdiqləyin: göndərdiyimiz keçidi açın',
  'errors.identity.too-many-attempts':
    'Çox sayda uğursuz giriş cəhdi. Zəhmət olmasa, 15 dəqiqə gözləyin və yenidən cəhd edin',
  'errors.identity.link-invalid': 'Bu keçid artıq etibarlı deyil. Zəhmət olmasa, yenisini istəyin',
  'errors.identity.code-invalid': 'Bu kod etibarlı deyil və ya artıq istifadə olunub',
  'errors.identity.current-password-wrong': 'Hazırkı parol düzgün deyil',
  'errors.identity.account-not-found': 'Hesab tapılmadı',
  'errors.identity.personal-number-invalid': 'Şəxsi nömrə 11 rəqəmdən ibarətdir',
  'errors.identity.personal-number-taken': 'Bu şəxsi nömrə ilə artıq başqa hesab təsdiqlənib',
  'errors.identity.already-resident': 'Bu hesabın sakinliyi artıq təsdiqlənib',
  'errors.identity.settlement-unknown': 'Bələdiyyənin yaşayış məntəqəsini seçin',
  'errors.identity.role-not-grantable': 'Bu rolu verə və ya geri ala bilməzsiniz',
  'errors.identity.last-admin': 'Son administratordan administrator rolu alına bilməz',
  'errors.identity.not-assisted': 'Kodla yalnız köməklə yaradılmış hesablar daxil olur',
  'errors.identity.email-taken': 'Bu e-poçt ünvanı ilə artıq hesab mövcuddur',
};
