# outcry's guided letter in Simplified Chinese (mainland standard). The reference is en.ftl; see
# ../README.md. Register: 您 throughout; full-width punctuation; a space between Chinese and Latin
# words, numbers or placeholders that give them ("发送这 { $count } 封信"). Names, commands, flags,
# file names, SMTP, ZIP, STARTTLS, TLS and the search filters stay as they are. Chinese has one
# plural form: a count selects `[1]` (the singular wording) or the default.

## Languages, by tag, as the wizard names them (written languages: 英文 rather than 英语).
language-name = { $tag ->
    [en] 英文
    [fr] 法文
    [de] 德文
    [es] 西班牙文
    [it] 意大利文
    [he] 希伯来文
    [zh] 中文
    [ja] 日文
    [ko] 韩文
    [ar] 阿拉伯文
    [ru] 俄文
   *[other] { $tag }
}

## The writer's own words in another language than the letter's.
own-words-heading = 您自己写的话与信件的语言
own-words-explain = 您自己写的那段话用的是{ $words }，而信件用的是{ $letters }，也就是收信人工作时使用的语言。
own-words-keep = 保留我写的原文，并加一句话，请对方用这两种语言中的任何一种回复
own-words-switch = 改用{ $words }写整封信
own-words-stop = 先到这里（您的回答会保存为草稿）
own-words-prompt = 您想怎么做？

## The guided letter: whom, which letter, the questions, the preview, the mail account and the
## end of the road (src/interactive/messages.rs).
wizard-cannot-use = 这个回答无法使用：
wizard-required = 这个问题需要回答
wizard-edit-fields = 按 Enter 保留现有内容，或直接修改（按 Backspace 可清除）。
wizard-phone-prompt = 您的电话号码（可不填，用于电话讲稿）
wizard-address-needed = 需要填写邮寄地址：办公室通常会邮寄回信，也会据此确认您住在当地
wizard-whom = 您想写信给谁？
wizard-find-them = 查找收信人（Enter：选择，Esc：返回）
wizard-tick = 按空格键勾选（a：全选），然后按 Enter（Esc：返回）
wizard-keep-whom = 将写信给以下这些人：按空格键取消勾选不需要收到信的人，然后按 Enter
wizard-search-hint =
    输入姓名、州、选区或政党（请用英文字母），例如 `warren`、`aldershot`、`labour leeds`。
    筛选条件：country:US body:us-senate region:MA district:14 party:green committee:SSFR
wizard-search = 搜索
wizard-search-empty = 请输入要搜索的姓名、地点或政党
wizard-place = 您所在的地方：美国 ZIP 邮编，或英国邮编（postcode）、选区、城镇或地方议会
wizard-place-empty = 请输入 ZIP 邮编（如 60614）、英国邮编（如 LS2 9JT）或城镇的英文名称
wizard-no-one-yet = 还没有选择任何收信人。要再找一次吗？
wizard-add-more = 还要添加其他收信人吗？
wizard-what-to-ask = 您想请对方做什么？
wizard-choose-letter = 选择一封信（Enter：选择，Esc：返回）
wizard-no-letter-fits = 没有哪一封信适合您选择的所有人；请选择最接近的一封。
wizard-groups-heading = 这些收信人需要不同的信
wizard-groups-intro = 没有哪一封信适合所有这些收信人（例如报刊编辑刊登的是读者来信，监管机构负责的是本行业的事务），所以您需要为每一组分别选择一封信。同一个问题只需回答一次，答案会用在每一封信里。
wizard-questions = 回答几个问题，让这封信更像您自己写的
wizard-which-earlier = 您要跟进的是哪一封信？（Esc：返回）
wizard-more = -- 还有更多：按 Enter 或空格键看下一页，按 q 跳到结尾 --
wizard-what-next = 接下来做什么？（Esc：回到问题）
wizard-write-letters = 保存这些信
wizard-edit-letter = 编辑这封信
wizard-next-letter = 查看下一封信
wizard-cancel-letters = 取消（不保存任何信）
wizard-smtp-heading = 通过电子邮件发送（可选）
wizard-smtp-intro = outcry 可以用您自己的电子邮箱发送这些信。您也可以跳过这一步，自己发送。
wizard-smtp-wanted = 要设置用您的电子邮箱发信吗？
wizard-smtp-inline-heading = 设置用您的电子邮箱发信
wizard-smtp-inline-intro = outcry 通过您邮箱服务商的邮件服务器，从您自己的账户发信。您的密码不会被保存：每次发送时才会询问（或者从您指定的命令中读取）。按 Esc 返回列表。
wizard-provider = 您的电子邮箱服务商
wizard-another-provider = 其他服务商（我自己输入服务器地址）
wizard-provider-help = 服务商的帮助页面会写明服务器地址、加密方式和端口。
wizard-smtp-host = 邮件服务器（SMTP 主机）
wizard-smtp-host-empty = 例如 smtp.gmail.com
wizard-security = 加密方式
wizard-port = 端口
wizard-no-login-needed = 这个服务器无需登录就能发信，所以 outcry 不会询问登录名或密码。
wizard-login-name = 登录名（通常就是您的电子邮件地址；如果服务器不需要登录，请留空）
wizard-no-login = 不登录：outcry 不会询问密码。
wizard-password-command-hint = outcry 从不保存您的密码。您可以填写一条能输出密码的命令（例如 `pass show mail`），也可以留空，每次发送时再输入密码。
wizard-password-command = 密码命令（可不填）
wizard-check-now = 现在测试与服务器的连接吗？
wizard-no-connection = 连接没有成功：
wizard-retry = 接下来怎么办？
wizard-road-heading = 信已写好，接下来请把它们交到收信人手中
wizard-road = 您想怎么做？（Esc：结束）
wizard-road-finish = 结束
wizard-print-how = 打印每一封信（.pdf 文件）和信封（.envelope.txt 文件里有地址），在信上签名，然后寄出：
wizard-call-how = 您可以照着电话讲稿念，也可以把它当作提纲；办公室的电话号码在讲稿里，下面也列出了：
wizard-form-how = 打开网上表单，从文本文件中复制主题和正文，粘贴进去：
wizard-mail-program-how = 在您的邮件程序中打开 .eml 文件（双击它，或把它拖到邮件程序上）：它会作为草稿打开，可以直接发送。也可以使用下面的链接：
wizard-find-ways-1 = 搜索议员（按姓名、州、选区、政党或委员会）
wizard-find-ways-2 = 其他收信人：部长、大使馆、公司、报刊编辑、医学机构、联合国机构……
wizard-find-ways-3 = 我的议员：根据我的美国 ZIP 邮编，或英国邮编、选区、城镇或地方议会查找
wizard-find-ways-4 = 负责这方面事务的委员会成员（外交事务委员会、中共问题特别委员会……）
wizard-security-choices-1 = STARTTLS，端口 587（大多数服务商）
wizard-security-choices-2 = TLS，端口 465
wizard-security-choices-3 = 不加密（仅限本机上的服务器）
wizard-retry-choices-1 = 修改设置
wizard-retry-choices-2 = 仍然保留这些设置（以后可用 outcry profile test-smtp 检查）
wizard-retry-choices-3 = 不通过电子邮件发送
wizard-multiline-hint = { $required ->
    [yes] 输入一段话，然后按 Enter；想改用编辑器写，请输入 :e。
   *[no] 输入一段话，然后按 Enter，也可以留空；想改用编辑器写，请输入 :e。
}
wizard-no-match = 没有找到与 `{ $query }` 相符的人。可以试试姓氏、选区，或 region:MA 这样的州代码。
wizard-too-many = 找到 { $count } 个结果，只显示前 { $shown } 个。多输入几个词可以缩小范围。
wizard-writing-to = 收信人：{ $names }
wizard-template-item = { $title }：{ $summary }
wizard-template-item-not-for-all = { $title }：{ $summary }（不适用于所有收信人）
wizard-group-line = { "  " }{ $n }. { $members }
wizard-letter-for = 第 { $n } 封信（共 { $of } 封），写给 { $names }：您想请对方做什么？
wizard-shared-answers = 以下问题在第一封信中已经回答过，这里也会使用同样的答案：“{ $prompts }”（如果只想修改其中一封信的文字，请在预览时选择“编辑这封信”）。
wizard-questions-for = 关于写给 { $names } 的信，还有几个问题
wizard-preview-heading = 预览：第 { $n } 封信（共 { $of } 封），写给 { $name }
wizard-provider-login = 登录 { $name } 需要：{ $login }。
wizard-checking = 正在测试与 { $host }:{ $port } 的连接……
wizard-connected = 已连接到 { $host }:{ $port }。
wizard-saved-to = 您的邮件设置已保存到 { $path }
wizard-save-smtp = 下次还要用的话，把这些邮件设置（不包括密码）保存到 { $path } 吗？
wizard-road-send = { $count ->
    [1] 现在通过电子邮件发出这封信（会先显示要发送的内容，由您确认后再发）
   *[other] 现在通过电子邮件发出这 { $count } 封信（会先显示要发送的内容，由您确认后再发）
}
wizard-road-set-up = { $count ->
    [1] 先设置用我的电子邮箱发信，然后发出这封邮件
   *[other] 先设置用我的电子邮箱发信，然后发出这 { $count } 封邮件
}
wizard-road-mail-program = { $count ->
    [1] 在我的邮件程序中打开这封邮件（.eml 文件，或 mailto: 链接）
   *[other] 在我的邮件程序中打开这 { $count } 封邮件（.eml 文件，或 mailto: 链接）
}
wizard-road-print = { $count ->
    [1] 打印这封信，通过邮局寄出（PDF 信件和信封）
   *[other] 打印这 { $count } 封信，通过邮局寄出（PDF 信件和信封）
}
wizard-road-call = { $count ->
    [1] 打电话：电话讲稿和电话号码
   *[other] 打电话：{ $count } 份电话讲稿和电话号码
}
wizard-road-form = 使用网上联系表单：要粘贴的文字和粘贴的位置
wizard-phone = 电话 { $number }（{ $office }）
wizard-form-address = 表单：{ $url }
wizard-postal = 邮寄地址：{ $address }
wizard-record-it = 完成后请记录下来，这样如果一直没有回音，outcry 可以提醒您：outcry mark { $file } { $flag }

## The guided letter's other steps (src/interactive/mod.rs).
ui-editor-opening = 正在打开您的编辑器：保存并关闭后即可继续。
ui-editor-nano = 正在打开 nano：写完后按 Ctrl-O 再按 Enter 保存，然后按 Ctrl-X 关闭。
ui-editor-none = 这台电脑没有设置文本编辑器，请直接在这里输入新的文字：每行一段，输入空行结束。现在的文字是：
ui-editor-paragraph = 第 { $number } 段
ui-sender-heading = 您的个人信息
ui-sender-from-file = （来自 { $file }）
ui-sender-confirm = 以这个人的名义写信吗？
ui-about-you = 关于您
ui-about-you-why = 您的议员办公室会用这些信息回复您。
ui-name = 您的全名（用于信末署名）
ui-name-needed = 需要填写您的姓名，用于在信末署名
ui-email = 您的电子邮件地址（可不填，用于接收回复和发送信件）
ui-address = 您的邮寄地址，按当地的写法每次输入一行（街道、城镇、邮编）。输入空行结束。
ui-country = 您所在的国家（US、GB 这样的代码，或英文国名）
ui-save-details = 保存这些信息，供下次使用吗？
ui-address-line = 地址第 { $number } 行
ui-note = 注意：
ui-unsuited = 这封信是为 { $audience } 写的；{ $name } 属于 { $body }。
ui-added = 已添加 { $who }。
ui-several-districts = 这个地方分属 { $count } 个国会选区，您属于哪一个取决于您的街道地址。请在 { $lookup } 查询，然后按空格键选择您的选区。
ui-several-constituencies = 这个地方分属 { $count } 个选区，您属于哪一个取决于您的街道地址。请在 { $lookup } 查询，然后按空格键选择您的选区。
ui-postcode-share = { $seat }：占该地区邮编的 { $percent }%
ui-postcode-attribution = 邮编查询：{ $attribution }
ui-not-found = 没有找到：
ui-which-committee = 哪一个委员会？
ui-committee-state = 只看某一个州的议员吗？请输入州的两字母代码，或留空查看全部
ui-committee-none = { $committee } 中没有来自 { $state } 的成员
ui-someone-else-intro = 请使用对方或其办公室公开发布的联系信息（官方网站、名录）；不要猜测电子邮件地址。
ui-needed = 这一项必须填写
ui-their-name = 对方的姓名或办公室名称，请用信件的语言填写（例如 “The Letters Editor”）
ui-their-role = 对方的职务或头衔（可不填，例如 “Minister of Health”）
ui-their-organisation = 所属机构（可不填，例如 “The Example Times”）
ui-their-kind = 对方属于哪一类收信人？
ui-their-country = 对方所在的国家（US、CH 这样的代码，或英文国名）
ui-their-email = 对方公开的电子邮件地址（可不填）
ui-their-address = 对方的邮寄地址，每次输入一行；输入空行结束。
ui-their-salutation = 信的开头如何称呼对方（可不填，用信件的语言，例如 “Dear Editor”；默认是 “Dear NAME”）
ui-enter-again = 请重新输入联系信息。
ui-save-recipient = 下次还要用的话，把 { $name } 保存到您自己的收信人文件 { $file } 吗？
ui-tip = 建议：
ui-mostly-template = 这封信几乎全是模板文字（您自己的话只占 { $percent }%）。收信方对写信人亲自写下的话会重视得多：请选择“编辑这封信”，加上两三句话，说说这件事为什么对您很重要。
ui-folder = 把信保存在哪个文件夹
ui-folder-needed = 请填写文件夹名称，例如 letters
ui-draft-heading = 您有一封没写完的信
ui-draft-summary = 开始于 { $date }：`{ $template }`，已填写 { $count } 个回答。
ui-draft-continue = 继续写这封信吗？
ui-collision = `{ $file }` 已经存在（也许您今天早些时候写过这封信）。
ui-collision-keep-both = 两者都保留：新的信用带编号的文件名保存
ui-collision-replace = 用新的信替换已有的信
ui-collision-other-folder = 选择另一个文件夹
ui-collision-prompt = 已有的信要怎么处理？
ui-other-folder = 用另一个文件夹保存这些信（不是 { $folder }）
ui-other-folder-needed = 请填写文件夹名称，例如 letters-2
ui-confirm-send = 现在通过 { $host } 发出 { $count } 封信吗？
ui-confirm-forget = { $count ->
    [1] 删除这个文件吗？删除后无法恢复
   *[other] 删除这 { $count } 个文件吗？删除后无法恢复
}
ui-password = { $host } 上 { $user } 的密码（不会保存）

## The summary after writing (src/commands/write.rs).
summary-wrote = 已把 { $letters } 封信（共 { $files } 个文件）保存到 { $folder }
summary-no-contact = 没有已知的联系方式
summary-reach-by = 可通过：
summary-or = 或通过：
summary-more = ……另外还有 { $count } 封（完整列表请用 --json 查看）
summary-without-email = { $count } 位收信人没有公开电子邮件地址：可以邮寄打印好的信、打电话，或使用网上联系表单；上面列出的文件都已为此准备好。
summary-saved-details = 您的个人信息已保存到 { $file }
summary-saved-recipient = 已将 { $name } 保存为 `{ $id }`；下次可以用 --to { $id }

## What the templates show the writer (the letters themselves stay in their own language). An
## answer that is set into a sentence of the letter is written in the letter's language; the
## writer's own paragraph (`personal`) may be in Chinese: outcry keeps it and adds a line
## inviting a reply in either language.

template-chase-title = 跟进一封没有得到回复的信
template-chase-summary = 礼貌地跟进您几周前寄出的信，再次请对方给出“是”或“否”的明确答复。
question-chase-previous_date = 您的第一封信是什么时候寄出的？
question-chase-previous_date-help = 日期会按您输入的原样写进信里，所以请用信件的语言书写，例如英文信写 “3 October 2026”。办公室工作人员会凭这个日期找到您的信。使用 `outcry write --template chase --previous FILE` 时，会从原信中自动读取。
question-chase-previous_ask = 您的第一封信提出了什么请求？（可不填）
question-chase-previous_ask-help = 照原信的写法填写；它会原样写进这封信，所以请用原信的语言，例如 “Will you cosponsor H.R.2114?”（您是否愿意联署 H.R.2114 法案？）。使用 `--previous FILE` 时会从原信中读取；如果留空，这封信会就下面选择的主题再次提出请求。
question-chase-topic = 您当时请求的是什么？
choice-chase-topic-law = 立法禁止器官移植旅游
choice-chase-topic-investigation = 开展独立的国际调查
choice-chase-topic-trade = 开展尽职调查，确保贸易不助长强制摘取器官
choice-chase-topic-medical = 医学诚信：报告义务与合乎伦理的研究
question-chase-personal = 还有什么想用自己的话补充的吗？（可不填）
question-chase-personal-help = 例如您上次写信之后发生的事。也可以用中文写：outcry 会保留原文，并加一句话，说明对方可以用信件的语言或中文回复。

template-company-due-diligence-title = 请企业确保与强制摘取器官没有任何牵连
template-company-due-diligence-summary = 请航空公司、旅行社、保险公司、药品或医疗器械厂商、大学或其他机构公开发布政策，承诺不以任何方式参与强制摘取器官。
question-company-due-diligence-relationship = 您和这家机构是什么关系？
choice-company-due-diligence-relationship-customer = 我是客户
choice-company-due-diligence-relationship-investor = 我是股东或投资者
choice-company-due-diligence-relationship-member = 我在那里学习或工作，或曾在那里学习
choice-company-due-diligence-relationship-public = 我是普通公众
question-company-due-diligence-personal = 请用您自己的话说说，这件事为什么对您很重要？
question-company-due-diligence-personal-help = 用您自己的话写两三句。收信方对写信人亲自写下的话，会比对千篇一律的格式信重视得多。也可以用中文写：outcry 会保留原文，并加一句话，说明对方可以用信件的语言或中文回复。
question-company-due-diligence-connection = 用几个词介绍一下您自己（可不填）
question-company-due-diligence-connection-help = 这句话接在信中的 “I am ...”（我是……）后面，会按您输入的原样写进信里，所以请用信件的语言（通常是英文）填写，例如 “a nurse at the local hospital”（一名当地医院的护士）或 “a retired teacher”（一名退休教师）。
question-company-due-diligence-reply = 您希望收到书面答复吗？

template-letter-to-editor-title = 致报刊编辑的读者来信
template-letter-to-editor-summary = 让更多人了解事实：写一封简短的信投给报纸或杂志刊登，并结合您本地的情况。
question-letter-to-editor-headline = 建议的标题（可不填；请用报刊的语言）
question-letter-to-editor-hook = 是什么促使您写这封信？（可不填，一句话）
question-letter-to-editor-hook-help = 编辑更愿意刊登回应本报报道或本地新闻的来信，例如 “Your report on organ donation (12 November) ...”（贵报 11 月 12 日关于器官捐献的报道……）。这句话会原样写进信里，请用报刊的语言（通常是英文）书写。
question-letter-to-editor-personal = 请用您自己的话说说，这件事为什么对您很重要？
question-letter-to-editor-personal-help = 两三句话即可。报纸刊登的来信一般只有 200 词左右，请尽量简短。如果用中文写，outcry 会保留原文，但报刊通常只刊登用其本身语言写的来信。

template-medical-integrity-title = 维护医学诚信
template-medical-integrity-summary = 请卫生部门、监管机构、医院、专业团体或医学期刊采取行动，确保医学界不以任何方式参与强制摘取器官。
question-medical-integrity-personal = 请用您自己的话说说，这件事为什么对您很重要？
question-medical-integrity-personal-help = 用您自己的话写两三句。收信方对写信人亲自写下的话，会比对千篇一律的格式信重视得多。也可以用中文写：outcry 会保留原文，并加一句话，说明对方可以用信件的语言或中文回复。
question-medical-integrity-connection = 用几个词介绍一下您自己（可不填）
question-medical-integrity-connection-help = 这句话接在信中的 “I am ...”（我是……）后面，会按您输入的原样写进信里，所以请用信件的语言（通常是英文）填写，例如 “a nurse at the local hospital”（一名当地医院的护士）或 “a retired teacher”（一名退休教师）。
question-medical-integrity-reply = 您希望收到书面答复吗？

template-thank-you-title = 致谢，并请对方继续努力
template-thank-you-summary = 感谢曾回复您、公开发声或投票支持相关议案的议员或官员，并请他们继续推动。
question-thank-you-action = 您要感谢对方什么？
question-thank-you-action-help = 这句话接在信中的 “Thank you for ...”（感谢您……）后面，会按您输入的原样写进信里，所以请用信件的语言（通常是英文）填写，例如 “voting for H.R.1503”（投票支持 H.R.1503 法案）、“your reply of 3 October”（您 10 月 3 日的回信）、“raising organ tourism in Parliament”（在议会提出器官移植旅游问题）。
question-thank-you-topic = 您希望对方继续推动什么？
choice-thank-you-topic-law = 立法禁止器官移植旅游
choice-thank-you-topic-investigation = 开展独立的国际调查
choice-thank-you-topic-trade = 开展尽职调查，确保贸易不助长强制摘取器官
choice-thank-you-topic-medical = 医学诚信：报告义务与合乎伦理的研究
question-thank-you-personal = 请用您自己的话说说，对方的行动对您意味着什么？
question-thank-you-personal-help = 用您自己的话写一两句。也可以用中文写：outcry 会保留原文，并加一句话，说明对方可以用信件的语言或中文回复。
question-thank-you-connection = 用几个词介绍一下您自己（可不填）
question-thank-you-connection-help = 这句话接在信中的 “I am ...”（我是……）后面，会按您输入的原样写进信里，所以请用信件的语言（通常是英文）填写，例如 “a nurse at the local hospital”（一名当地医院的护士）。
question-thank-you-reply = 您希望收到书面答复吗？

template-trade-due-diligence-title = 确保贸易不助长强制摘取器官
template-trade-due-diligence-summary = 要求开展尽职调查，确保与中国的贸易不会助长强制摘取器官。
question-trade-due-diligence-personal = 请用您自己的话说说，这件事为什么对您很重要？
question-trade-due-diligence-personal-help = 用您自己的话写两三句。收信方对写信人亲自写下的话，会比对千篇一律的格式信重视得多。也可以用中文写：outcry 会保留原文，并加一句话，说明对方可以用信件的语言或中文回复。
question-trade-due-diligence-connection = 用几个词介绍一下您自己（可不填）
question-trade-due-diligence-connection-help = 这句话接在信中的 “I am ...”（我是……）后面，会按您输入的原样写进信里，所以请用信件的语言（通常是英文）填写，例如 “a nurse at the local hospital”（一名当地医院的护士）或 “a retired teacher”（一名退休教师）。
question-trade-due-diligence-reply = 您希望收到书面答复吗？

template-transplant-tourism-law-title = 立法禁止器官移植旅游
template-transplant-tourism-law-summary = 根据对方所在地的情况，请议员或部长推动合适的法律：推进一项法案、填补一个漏洞，或执行已有的法律，确保本地没有人购买未经本人同意而摘取的器官。
question-transplant-tourism-law-personal = 请用您自己的话说说，这件事为什么对您很重要？
question-transplant-tourism-law-personal-help = 用您自己的话写两三句。收信方对写信人亲自写下的话，会比对千篇一律的格式信重视得多。也可以用中文写：outcry 会保留原文，并加一句话，说明对方可以用信件的语言或中文回复。
question-transplant-tourism-law-connection = 用几个词介绍一下您自己（可不填）
question-transplant-tourism-law-connection-help = 这句话接在信中的 “I am ...”（我是……）后面，会按您输入的原样写进信里，所以请用信件的语言（通常是英文）填写，例如 “a nurse at the local hospital”（一名当地医院的护士）或 “a retired teacher”（一名退休教师）。
question-transplant-tourism-law-reply = 您希望收到书面答复吗？

template-un-investigation-title = 呼吁开展独立的国际调查
template-un-investigation-summary = 请对方通过其能够运用的渠道，推动对中国强制摘取器官问题开展独立的国际调查。
question-un-investigation-personal = 请用您自己的话说说，这件事为什么对您很重要？
question-un-investigation-personal-help = 用您自己的话写两三句。收信方对写信人亲自写下的话，会比对千篇一律的格式信重视得多。也可以用中文写：outcry 会保留原文，并加一句话，说明对方可以用信件的语言或中文回复。
question-un-investigation-connection = 用几个词介绍一下您自己（可不填）
question-un-investigation-connection-help = 这句话接在信中的 “I am ...”（我是……）后面，会按您输入的原样写进信里，所以请用信件的语言（通常是英文）填写，例如 “a nurse at the local hospital”（一名当地医院的护士）或 “a retired teacher”（一名退休教师）。
question-un-investigation-reply = 您希望收到书面答复吗？

template-un-special-procedures-title = 请联合国人权专家跟进
template-un-special-procedures-summary = 请 2021 年曾表示严重关切的联合国特别程序专家公开向中国跟进此事，并争取获准查访中国的器官移植体系。
question-un-special-procedures-mandate = 这封信应写给哪一位专家？
question-un-special-procedures-mandate-help = 联合国人权高专办要求，发到其公共邮箱的信件须在主题中注明是写给哪一位任务负责人的。这五位任务负责人都参与了 2021 年的那份声明。
choice-un-special-procedures-mandate-torture = 酷刑问题特别报告员
choice-un-special-procedures-mandate-trafficking = 贩运人口问题特别报告员
choice-un-special-procedures-mandate-health = 健康权问题特别报告员
choice-un-special-procedures-mandate-religion = 宗教或信仰自由问题特别报告员
choice-un-special-procedures-mandate-minorities = 少数群体问题特别报告员
question-un-special-procedures-personal = 请用您自己的话说说，这件事为什么对您很重要？
question-un-special-procedures-personal-help = 用您自己的话写两三句。收信方对写信人亲自写下的话，会比对千篇一律的格式信重视得多。也可以用中文写：outcry 会保留原文，并加一句话，说明对方可以用信件的语言或中文回复。
question-un-special-procedures-connection = 用几个词介绍一下您自己（可不填）
question-un-special-procedures-connection-help = 这句话接在信中的 “I am ...”（我是……）后面，会按您输入的原样写进信里，所以请用信件的语言（通常是英文）填写，例如 “a nurse at the local hospital”（一名当地医院的护士）或 “a retired teacher”（一名退休教师）。
question-un-special-procedures-reply = 您希望对方确认收到这封信吗？
