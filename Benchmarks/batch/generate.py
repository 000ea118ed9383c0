#!/usr/bin/env python3
"""Generate an invented zh-CN support-case batch for the batch benchmark.

Writes, into OUT_DIR:
  cases-N.jsonl   one case per line, for `compose batch` (kind analysis-result or closure)
  cases-N.csv     the same cases as flat columns, for mailmerge's CSV database
  profile.json    the sender and organization, merged under every case by compose
  mailmerge_server.conf  a server config mailmerge insists on (never used: --dry-run)

Every name, company and sentence is made up from the word lists below; all
addresses are under example.com. Deterministic: the same N gives the same files.

usage: generate.py OUT_DIR N [N ...]
"""

import csv
import json
import random
import sys
from pathlib import Path

FAMILY_NAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
                "林", "何", "郭", "马", "罗", "欧阳", "司马", "诸葛", "上官", "皇甫", "东方"]
GIVEN_NAMES = ["晓峰", "嘉怡", "明远", "云舒", "知远", "雨桐", "思源", "若溪", "浩然", "静", "敏",
               "子涵", "一鸣", "书瑶", "景行", "清扬", "安然", "晨曦", "立新", "海波"]
HONORIFICS = ["先生", "女士", "经理", "工", ""]
PINYIN = ["ming", "hua", "jing", "yun", "feng", "lan", "tao", "xin", "yu", "chen", "bo", "lei"]
COMPANIES = ["南岭精工制造", "河西康宁医疗", "东山电力", "清水教育", "北海银行", "西江物流",
             "长河化工", "青石建设", "白鹭航运", "远山食品", "金沙电子", "松涛传媒"]
PRODUCTS = ["终端管理平台", "补丁分发服务", "远程协助网关", "资产管理模块", "日志采集代理"]
SYMPTOMS = ["部分终端无法上报心跳", "补丁任务长时间停留在等待中", "远程会话每隔十分钟断开",
            "资产报表中硬盘容量显示为 0", "升级后开机时间明显变长", "控制台登录偶发超时"]
FINDINGS = ["中继节点的任务队列积压超过两千条，新任务无法及时下发。",
            "网关在空闲六百秒后主动关闭连接，而策略中未启用会话保活。",
            "代理服务启动时同步等待网络驱动加载，平均延迟约四十秒。",
            "数据库统计信息过期，报表查询选择了全表扫描。",
            "证书轮换后客户端仍缓存旧的信任链。",
            "部分终端的系统时间与服务器相差超过五分钟，导致令牌校验失败。"]
ADVICE = ["在维护窗口内重启中继服务并清理积压队列。",
          "在策略中启用会话保活，间隔设为六十秒。",
          "将代理服务的启动类型改为延迟自动启动。",
          "更新数据库统计信息，并将统计任务加入每周计划。",
          "在客户端执行一次信任链刷新。",
          "为受影响终端配置统一的时间同步源。"]
NOTES = ["所需数据为受影响终端的代理诊断包，收集方法见我们此前的邮件。",
         "如后续再次出现类似现象，请直接回复本邮件。",
         "本次处理过程中的操作记录已归档。"]
CLOSURE_REASONS = ["resolved", "pending_customer_data", "no_response"]

PROFILE = {
    "locale": "zh-CN",
    "time_zone": "Asia/Shanghai",
    "sender": {"name": "宋知远", "latin_name": "Song Zhiyuan", "role": "高级技术支持工程师",
               "email": "song.zhiyuan@support.example.com", "phone": "+86 10 0000 0000"},
    "organization": {"name": "青岚软件技术有限公司", "latin_name": "Qinglan Software Technologies Co., Ltd.",
                     "support_center": "青岚软件客户服务中心", "hotline": "400-000-0000",
                     "website": "www.support.example.com",
                     "case_mailbox": {"name": "青岚案例邮箱", "email": "cases@support.example.com"},
                     "domain": "support.example.com"},
}

CSV_COLUMNS = ["kind", "case_number", "case_title", "tracking_token", "customer_name", "customer_family_name",
               "customer_title", "customer_email", "scope_definition", "analysis_summary",
               "analysis_recommendations", "closure_reason", "closure_note"]


def case(index, rng):
    family = rng.choice(FAMILY_NAMES)
    given = rng.choice(GIVEN_NAMES)
    company = rng.choice(COMPANIES)
    kind = "analysis-result" if index % 2 else "closure"
    record = {
        "kind": kind,
        "locale": "zh-CN",
        "case": {"number": f"CAS-{index:06d}-BM{rng.randrange(36 ** 4):04X}",
                 "title": f"{rng.choice(PRODUCTS)}{rng.choice(SYMPTOMS)}",
                 "tracking_token": f"TRK:{index:07d}"},
        "customer": {"name": family + given,
                     "email": f"{rng.choice(PINYIN)}.{rng.choice(PINYIN)}{index}@customer{index % 97}.example.com",
                     "organization": f"{company}有限公司"},
    }
    honorific = rng.choice(HONORIFICS)
    if honorific:
        record["customer"]["title"] = honorific
        if rng.random() < 0.5:
            record["customer"]["family_name"] = family
    if kind == "analysis-result":
        picks = rng.sample(range(len(FINDINGS)), 2)
        analysis = {"summary": [FINDINGS[i] for i in picks], "recommendations": [ADVICE[i] for i in picks]}
        record["analysis"] = analysis
        if rng.random() < 0.5:
            record["scope"] = {"definition": f"{company}的{rng.choice(PRODUCTS)}{rng.choice(SYMPTOMS)}，影响约 {rng.randrange(5, 300)} 台终端。"}
    else:
        record["closure"] = {"reason": rng.choice(CLOSURE_REASONS)}
        if rng.random() < 0.5:
            record["closure"]["note"] = rng.choice(NOTES)
    return record


def csv_row(record):
    customer, case_ = record["customer"], record["case"]
    analysis = record.get("analysis", {})
    closure = record.get("closure", {})
    return {
        "kind": record["kind"],
        "case_number": case_["number"],
        "case_title": case_["title"],
        "tracking_token": case_["tracking_token"],
        "customer_name": customer["name"],
        "customer_family_name": customer.get("family_name", ""),
        "customer_title": customer.get("title", ""),
        "customer_email": customer["email"],
        "scope_definition": record.get("scope", {}).get("definition", ""),
        "analysis_summary": ";".join(analysis.get("summary", [])),
        "analysis_recommendations": ";".join(analysis.get("recommendations", [])),
        "closure_reason": closure.get("reason", ""),
        "closure_note": closure.get("note", ""),
    }


def write(out_dir, count):
    rng = random.Random(20201109)
    with open(out_dir / f"cases-{count}.jsonl", "w", encoding="utf-8") as jsonl, \
            open(out_dir / f"cases-{count}.csv", "w", encoding="utf-8", newline="") as table:
        writer = csv.DictWriter(table, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for index in range(1, count + 1):
            record = case(index, rng)
            jsonl.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
            writer.writerow(csv_row(record))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out_dir = Path(sys.argv[1])
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "profile.json").write_text(json.dumps(PROFILE, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out_dir / "mailmerge_server.conf").write_text("[smtp_server]\nhost = localhost\nport = 25\n", encoding="utf-8")
    for count in sys.argv[2:]:
        write(out_dir, int(count))


if __name__ == "__main__":
    main()
