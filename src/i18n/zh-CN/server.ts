/** 服务器、接口与相关命令（serve、user、backup、restore）的文字。 */
const statusNames = { draft: '草稿', submitted: '已提交', returned: '已退回', approved: '已审核', published: '已公开' };
const actionNames: Record<string, string> = {
  submit: '提交',
  withdraw: '撤回',
  return: '退回',
  approve: '审核通过',
  publish: '公开',
  edit: '修改',
  import: '导入',
};

export const server = {
  statusNames,
  errors: {
    unauthenticated: '请先登录。',
    sessionExpired: '登录已过期，请重新登录。',
    forbidden: '您没有权限进行此操作。',
    notFound: (entity: string, id: string | number) => `未找到${entityName(entity)}（${id}）。`,
    staleVersion: (current: number, expected: number) =>
      `文档已被他人修改（当前版本 ${current}，您的修改基于版本 ${expected}）。请刷新后再修改，您的内容未被保存。`,
    versionRequired: '修改前须在 If-Match 请求头中给出所依据的文档版本。',
    invalidState: (status: keyof typeof statusNames, action: string) =>
      `文档状态为“${statusNames[status]}”，不能${actionNames[action] ?? action}。`,
    reviewErrors: (n: number) => `审核发现 ${n} 个错误，修正后才能提交。`,
    conflict: (entity: string, key: string) => `${entityName(entity)}“${key}”已存在。`,
    invalidInput: (reason: string) => `输入有误：${reason}`,
    validation: (detail: string) => `请求内容不符合要求：${detail}`,
    csrf: '安全校验失败（CSRF），请刷新页面后重试。',
    rateLimited: '尝试次数过多，请稍后再试。',
    loginFailed: '用户名或密码错误。',
    wrongPassword: '原密码错误。',
    importUnreadable: (reason: string) => `文件无法读取：${reason}`,
    importNoDocument: '文件中没有可导入的绩效目标文档。',
    importUnitMismatch: (code: string) => `文件中的单位（${code}）不是您的单位。`,
    importUnknownUnit: (code: string) => `系统中没有单位编码为 ${code} 的单位。`,
    importNoYear: '文件未写明预算年度，请在导入时指定年度。',
    reorderMismatch: '排序须恰好列出该项目的每一行指标。',
    returnNeedsComment: '退回时须写明审核意见。',
    internal: '服务器内部错误，请稍后再试。',
  },
  startup: {
    listening: (url: string) => `jixiao 已启动：${url}`,
    apiDocs: (url: string) => `接口文档：${url}`,
    database: (where: string) => `数据库：${where}`,
    demoCreated: '空数据库：已创建演示数据（河北省财政厅 → 张家口市财政局 → 怀来县财政局）。',
    demoAccounts: '演示账号（密码只显示这一次，请妥善保存）：',
    account: (role: string, username: string, password: string) => `  ${role}  用户名 ${username}  密码 ${password}`,
    roleNames: { unit: '单位填报', reviewer: '财政审核', admin: '系统管理' } as Record<string, string>,
    dataDirBusy: (dir: string, pid: number) => `数据目录 ${dir} 正由另一个 jixiao 进程（pid ${pid}）使用。`,
    stopping: '正在停止……',
  },
  commands: {
    serve: '启动服务器（默认 http://127.0.0.1:3000，内嵌数据库位于 ./data）',
    portOption: '端口（也可用环境变量 PORT）',
    hostOption: '监听地址',
    dataOption: '内嵌数据库的数据目录',
    databaseUrlOption: 'PostgreSQL 连接串（也可用环境变量 DATABASE_URL），给出时不用内嵌数据库',
    noDemoOption: '空数据库时不创建演示数据',
    user: '管理账号：add、passwd、list',
    userAdd: '新建账号（密码随机生成并显示一次）',
    userPasswd: '为账号生成新密码（显示一次）；其登录会话全部失效',
    userList: '列出账号',
    roleOption: '角色：unit（单位填报）、reviewer（财政审核）、admin（系统管理）',
    unitOption: '所属单位编码（unit 角色）',
    bureauOption: '所属财政部门编码（reviewer 角色）',
    nameOption: '显示名称',
    userCreated: (username: string, password: string) => `已创建账号 ${username}，密码：${password}（只显示这一次）`,
    passwordChanged: (username: string, password: string) => `账号 ${username} 的新密码：${password}（只显示这一次）`,
    userNotFound: (username: string) => `没有账号 ${username}。`,
    unitNotFound: (code: string) => `没有单位编码为 ${code} 的单位。`,
    bureauNotFound: (code: string) => `没有编码为 ${code} 的财政部门。`,
    userRow: (username: string, name: string, role: string, scope: string, disabled: boolean) =>
      `${username}\t${name}\t${role}\t${scope}${disabled ? '\t（已停用）' : ''}`,
    backup: '把数据库写成一个一致的快照文件（服务运行时也可以）',
    restore: '从快照文件恢复到空数据库',
    backupDone: (file: string, rows: number) => `已备份到 ${file}（共 ${rows} 行）。`,
    backupViaServer: (pid: number) => `数据目录正由服务器（pid ${pid}）使用，已请该服务器写出快照。`,
    restoreDone: (file: string, rows: number) => `已从 ${file} 恢复（共 ${rows} 行）。`,
    restoreNotEmpty: '目标数据库不是空的：只能恢复到新的或空的数据库。',
    restoreBadFile: (file: string, reason: string) => `快照文件 ${file} 无法读取：${reason}`,
    restoreNewerSchema: (version: string) => `快照的数据库版本（${version}）比本程序新，请先升级 jixiao。`,
    restoreWhileServing: '服务器正在使用该数据目录：请先停止服务器再恢复。',
  },
};

function entityName(entity: string): string {
  const names: Record<string, string> = {
    document: '文档',
    project: '项目',
    indicator: '指标',
    unit: '单位',
    bureau: '财政部门',
    user: '账号',
    comment: '审核意见',
  };
  return names[entity] ?? entity;
}
