/**
 * A bureau's settings as a form, in four parts — 表样, 审核规则, 运行监控, 绩效自评 — each either the
 * bureau's own or inherited (from the bureau named, or jixiao's defaults). Turning a part to its own
 * starts from what is in force. What cannot work (weights not adding up to 100, red before yellow,
 * a project-code pattern that does not compile …) is said next to the field and keeps Save off.
 */
import { MinusCircleOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Form, InputNumber, Input, Radio, Select, Space, Switch, Table, Typography } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { GRADES, type EvaluationSettings } from '../../core/evaluation/settings.ts';
import { DEFAULT_RESULT_ACTIONS } from '../../core/results/actions.ts';
import { FORM_PROFILES } from '../../core/forms/profiles.ts';
import { dec } from '../../core/model/decimal.ts';
import { LIGHT_ORDER as LIGHTS, type Light, type MonitoringSettings } from '../../core/monitoring/settings.ts';
import { ruleCatalog } from '../../core/review/engine.ts';
import { SEVERITIES, type Severity } from '../../core/review/finding.ts';
import type { ReviewSettings } from '../../core/review/settings.ts';
import type { BureauSettings, OwnSettings } from '../api/monitoring-types.ts';
import type { Messages } from '../../i18n/index.ts';
import { useLocale } from '../app/locale.tsx';
import { AmountInput } from '../form/fields.tsx';
import { useUnsaved } from '../form/unsaved.tsx';

type Part = keyof OwnSettings;
const PARTS: Part[] = ['formProfile', 'review', 'monitoring', 'evaluation'];

/** What stands in the way of saving, by part, in the user's language. */
export function problemsOf(own: OwnSettings, all: Messages): Record<Part, string[]> {
  const m = all.web.settings.problems;
  const out: Record<Part, string[]> = { formProfile: [], review: [], monitoring: [], evaluation: [] };
  if (own.review) {
    try {
      new RegExp(own.review.projectCodePattern);
    } catch {
      out.review.push(m.pattern);
    }
    if (Object.keys(own.review.severityOverrides).some((k) => k === '')) out.review.push(m.overrideRule);
  }
  if (own.monitoring && dec(own.monitoring.redShortfall).lt(own.monitoring.yellowShortfall)) out.monitoring.push(m.redBeforeYellow);
  if (own.evaluation) {
    const w = own.evaluation.weights;
    const total = [w.budgetExecution, w.output, w.outcome, w.satisfaction, w.cost]
      .filter((x): x is string => x !== null)
      .reduce((s, x) => s.plus(x), dec(0));
    if (!total.equals(100)) out.evaluation.push(m.weights(total.toString()));
    for (const [band, b] of Object.entries(own.evaluation.qualitative))
      if (dec(b.min).gt(b.default) || dec(b.default).gt(b.max) || dec(b.max).gt(100))
        out.evaluation.push(m.band(all.monitoring.bands[band as keyof Messages['monitoring']['bands']]));
    const g = own.evaluation.grades;
    if (!(dec(g.优).gte(g.良) && dec(g.良).gte(g.中))) out.evaluation.push(m.grades);
  }
  return out;
}

/**
 * Where an own part starts when nothing is in force to copy: the form profile, which no bureau up
 * the tree picked, starts at the first shipped one (every other part always has its defaults).
 */
const startOf = (key: Part): OwnSettings[Part] => (key === 'formProfile' ? FORM_PROFILES[0]!.id : null);

const Field = ({ label, children, help }: { label: string; children: ReactNode; help?: string }) => (
  <Form.Item label={label} help={help} className="settings-field">
    {children}
  </Form.Item>
);

/** An amount field that never holds null (settings figures are all required). */
const Figure = ({
  label,
  value,
  onChange,
  suffix,
  disabled,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  suffix?: string;
  disabled: boolean;
}) => (
  <AmountInput
    aria-label={label}
    value={value}
    onChange={(v) => v !== null && onChange(v)}
    suffix={suffix}
    disabled={disabled}
    style={{ width: 140 }}
  />
);

interface Props {
  settings: BureauSettings;
  /** Resolves when saved; rejects (the form keeps the user's changes) when not. */
  onSave: (own: OwnSettings) => Promise<void>;
  editable: boolean;
}

export function SettingsForm({ settings, onSave, editable }: Props) {
  const { m: all, locale } = useLocale();
  const m = all.web.settings;
  const rules = useMemo(() => ruleCatalog(locale), [locale]);
  const [own, setOwn] = useState<OwnSettings>(settings.own);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  useUnsaved(dirty);
  // A newer version (someone saved, or ours was saved) replaces the form only when it holds no changes of the user's.
  useEffect(() => {
    if (!dirty) setOwn(settings.own);
  }, [settings, dirty]);

  const problems = problemsOf(own, all);
  const blocked = PARTS.some((p) => problems[p].length > 0);
  const change = (patch: Partial<OwnSettings>) => {
    setOwn((o) => ({ ...o, ...patch }));
    setDirty(true);
  };
  const review = own.review ?? settings.effective.review.settings;
  const monitoring = own.monitoring ?? settings.effective.monitoring.settings;
  const evaluation = own.evaluation ?? settings.effective.evaluation.settings;
  const setReview = (p: Partial<ReviewSettings>) => change({ review: { ...review, ...p } });
  const setMonitoring = (p: Partial<MonitoringSettings>) => change({ monitoring: { ...monitoring, ...p } });
  const setEvaluation = (p: Partial<EvaluationSettings>) => change({ evaluation: { ...evaluation, ...p } });

  const save = async () => {
    setSaving(true);
    try {
      await onSave(own);
      setDirty(false);
    } catch {
      // The page says why; the changes stay in the form.
    } finally {
      setSaving(false);
    }
  };

  const part = (key: Part, title: string, body: (disabled: boolean) => ReactNode) => {
    const mine = own[key] !== null;
    const source = settings.effective[key].source;
    const disabled = !editable || !mine;
    return (
      <Card
        size="small"
        className="settings-part"
        data-testid={`settings-${key}`}
        title={title}
        extra={
          <Space>
            <Typography.Text type="secondary">{mine ? m.own : source ? m.inheritedFrom(source.bureauName) : m.defaults}</Typography.Text>
            <Switch
              aria-label={m.ownSwitch(title)}
              checked={mine}
              disabled={!editable}
              checkedChildren={m.ownShort}
              unCheckedChildren={m.inheritShort}
              onChange={(on) => change({ [key]: on ? (settings.effective[key].settings ?? startOf(key)) : null })}
            />
          </Space>
        }
      >
        {problems[key].length > 0 && (
          <Alert type="error" showIcon role="alert" className="settings-problems" title={problems[key].join('；')} />
        )}
        <Form layout="vertical" disabled={disabled} className="settings-grid">
          {body(disabled)}
        </Form>
      </Card>
    );
  };

  const overrides = Object.entries(review.severityOverrides);
  const profile = own.formProfile ?? settings.effective.formProfile.settings;
  return (
    <div className="settings-form">
      {part('formProfile', m.formProfile, () => (
        <Field label={m.formProfile} help={m.formProfileHelp}>
          <Select
            aria-label={m.formProfile}
            value={profile ?? undefined}
            placeholder={m.formProfileByYear}
            onChange={(id: string) => change({ formProfile: id })}
            options={FORM_PROFILES.map((p) => ({ value: p.id, label: m.profileNames[p.id] ?? `${p.region} ${p.title}` }))}
            style={{ width: '100%', maxWidth: 480 }}
          />
        </Field>
      ))}

      {part('review', m.review, (disabled) => (
        <>
          <Field label={m.form2021FromYear} help={m.form2021FromYearHelp}>
            <InputNumber
              aria-label={m.form2021FromYear}
              min={1990}
              max={2100}
              value={review.form2021FromYear}
              onChange={(v) => v !== null && setReview({ form2021FromYear: v })}
            />
          </Field>
          <Field label={m.disabledSeverities}>
            <Checkbox.Group
              value={[...review.disabledSeverities]}
              onChange={(v) => setReview({ disabledSeverities: v as Severity[] })}
              options={SEVERITIES.map((s) => ({ value: s, label: all.web.severity[s] }))}
            />
          </Field>
          <Field label={m.disabledRules}>
            <Select
              aria-label={m.disabledRules}
              mode="multiple"
              allowClear
              value={[...review.disabledRules]}
              onChange={(v: string[]) => setReview({ disabledRules: v })}
              options={rules.map((r) => ({ value: r.id, label: `${r.familyName} · ${r.title}` }))}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={m.none}
              style={{ width: '100%' }}
            />
          </Field>
          <Field label={m.severityOverrides}>
            <Space direction="vertical" style={{ width: '100%' }}>
              {overrides.map(([rule, severity], i) => (
                <Space key={i} wrap>
                  <Select
                    aria-label={`${m.overrideRule} ${i + 1}`}
                    value={rule || undefined}
                    style={{ width: 360 }}
                    showSearch={{ optionFilterProp: 'label' }}
                    options={rules.map((r) => ({ value: r.id, label: `${r.familyName} · ${r.title}（${all.web.severity[r.severity]}）` }))}
                    onChange={(id: string) =>
                      setReview({ severityOverrides: Object.fromEntries(overrides.map(([k, v], n) => (n === i ? [id, v] : [k, v]))) })
                    }
                  />
                  <Select<Severity>
                    aria-label={`${m.overrideSeverity} ${i + 1}`}
                    value={severity}
                    style={{ width: 100 }}
                    options={SEVERITIES.map((s) => ({ value: s, label: all.web.severity[s] }))}
                    onChange={(s) =>
                      setReview({ severityOverrides: Object.fromEntries(overrides.map(([k, v], n) => [k, n === i ? s : v])) })
                    }
                  />
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={`${m.removeOverride} ${i + 1}`}
                    onClick={() => setReview({ severityOverrides: Object.fromEntries(overrides.filter((_, n) => n !== i)) })}
                  />
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                disabled={disabled || overrides.some(([k]) => k === '')}
                onClick={() => setReview({ severityOverrides: { ...review.severityOverrides, '': 'warning' } })}
              >
                {m.addOverride}
              </Button>
            </Space>
          </Field>
          <Field label={m.projectCodePattern} help={m.projectCodePatternHelp}>
            <Input
              aria-label={m.projectCodePattern}
              className="mono"
              value={review.projectCodePattern}
              onChange={(e) => setReview({ projectCodePattern: e.target.value })}
            />
          </Field>
          <Field label={m.exAnteThreshold} help={m.exAnteThresholdHelp}>
            <Figure
              label={m.exAnteThreshold}
              value={review.exAnteThreshold ?? '0'}
              onChange={(v) => setReview({ exAnteThreshold: v })}
              suffix={m.exAnteThresholdSuffix}
              disabled={disabled}
            />
          </Field>
          <Field label={all.rectification.results.settingsLabel} help={all.rectification.results.settingsHelp}>
            <Space wrap>
              {GRADES.map((g) => (
                <Input
                  key={g}
                  addonBefore={g}
                  aria-label={`${all.rectification.results.settingsLabel} ${g}`}
                  maxLength={100}
                  style={{ width: 190 }}
                  value={(review.resultActions ?? DEFAULT_RESULT_ACTIONS)[g]}
                  disabled={disabled}
                  onChange={(e) =>
                    setReview({ resultActions: { ...(review.resultActions ?? DEFAULT_RESULT_ACTIONS), [g]: e.target.value } })
                  }
                />
              ))}
            </Space>
          </Field>
        </>
      ))}

      {part('monitoring', m.monitoring, (disabled) => (
        <>
          <Space wrap size="large">
            <Field label={m.yellowShortfall}>
              <Figure
                label={m.yellowShortfall}
                value={monitoring.yellowShortfall}
                suffix={m.pointsSuffix}
                disabled={disabled}
                onChange={(yellowShortfall) => setMonitoring({ yellowShortfall })}
              />
            </Field>
            <Field label={m.redShortfall}>
              <Figure
                label={m.redShortfall}
                value={monitoring.redShortfall}
                suffix={m.pointsSuffix}
                disabled={disabled}
                onChange={(redShortfall) => setMonitoring({ redShortfall })}
              />
            </Field>
          </Space>
          <Field label={m.likelihoodLight}>
            <Space wrap>
              {(['certain', 'possible', 'impossible'] as const).map((l) => (
                <Space key={l} size={4}>
                  <span>{all.monitoring.likelihoods[l]}</span>
                  <Select<Light>
                    aria-label={`${m.likelihoodLight} ${all.monitoring.likelihoods[l]}`}
                    value={monitoring.likelihoodLight[l]}
                    style={{ width: 90 }}
                    options={LIGHTS.map((x) => ({ value: x, label: all.monitoring.lights[x] }))}
                    onChange={(light) => setMonitoring({ likelihoodLight: { ...monitoring.likelihoodLight, [l]: light } })}
                  />
                </Space>
              ))}
            </Space>
          </Field>
          <Field label={m.explanationRequired}>
            <Checkbox.Group
              value={[...monitoring.explanationRequired]}
              onChange={(v) => setMonitoring({ explanationRequired: v as Light[] })}
              options={LIGHTS.map((l) => ({ value: l, label: all.monitoring.lights[l] }))}
            />
          </Field>
        </>
      ))}

      {part('evaluation', m.evaluation, (disabled) => {
        const w = evaluation.weights;
        const setWeight = (k: keyof typeof w, v: string | null) => setEvaluation({ weights: { ...w, [k]: v } });
        return (
          <>
            <Field label={m.weights}>
              <Space wrap>
                {(['budgetExecution', 'output', 'outcome', 'satisfaction'] as const).map((k) => (
                  <Space key={k} size={4} direction="vertical">
                    <span>{all.evaluation.families[k]}</span>
                    <Figure
                      label={`${m.weights} ${all.evaluation.families[k]}`}
                      value={w[k]}
                      disabled={disabled}
                      onChange={(v) => setWeight(k, v)}
                    />
                  </Space>
                ))}
                <Space size={4} direction="vertical">
                  <Checkbox
                    aria-label={m.costOwn}
                    checked={w.cost !== null}
                    onChange={(e) => setWeight('cost', e.target.checked ? '0' : null)}
                  >
                    {m.costOwn}
                  </Checkbox>
                  {w.cost !== null && (
                    <Figure
                      label={`${m.weights} ${all.evaluation.families.cost}`}
                      value={w.cost}
                      disabled={disabled}
                      onChange={(v) => setWeight('cost', v)}
                    />
                  )}
                </Space>
              </Space>
            </Field>
            <Field label={m.absentFamily}>
              <Radio.Group
                value={evaluation.absentFamily}
                onChange={(e) => setEvaluation({ absentFamily: e.target.value })}
                options={(['indicatorFamilies', 'allFamilies', 'forfeit'] as const).map((v) => ({
                  value: v,
                  label: m.absentFamilyOptions[v],
                }))}
              />
            </Field>
            <Field label={m.notApplicable}>
              <Radio.Group
                value={evaluation.notApplicable}
                onChange={(e) => setEvaluation({ notApplicable: e.target.value })}
                options={(['withinFamily', 'acrossAll'] as const).map((v) => ({ value: v, label: m.notApplicableOptions[v] }))}
              />
            </Field>
            <Field label={m.exactPartialCredit}>
              <Radio.Group
                value={evaluation.exactPartialCredit}
                onChange={(e) => setEvaluation({ exactPartialCredit: e.target.value })}
                options={(['proportional', 'none'] as const).map((v) => ({ value: v, label: m.exactPartialCreditOptions[v] }))}
              />
            </Field>
            <Field label={m.qualitative}>
              <Table
                size="small"
                pagination={false}
                rowKey="band"
                dataSource={(['achieved', 'partial', 'unmet'] as const).map((band) => ({ band }))}
                columns={[
                  { title: m.band, key: 'band', render: (_, r) => all.monitoring.bands[r.band] },
                  ...(['min', 'max', 'default'] as const).map((k) => ({
                    title: m.bandFields[k],
                    key: k,
                    render: (_: unknown, r: { band: 'achieved' | 'partial' | 'unmet' }) => (
                      <Figure
                        label={`${all.monitoring.bands[r.band]} ${m.bandFields[k]}`}
                        value={evaluation.qualitative[r.band][k]}
                        suffix="%"
                        disabled={disabled}
                        onChange={(v) =>
                          setEvaluation({
                            qualitative: { ...evaluation.qualitative, [r.band]: { ...evaluation.qualitative[r.band], [k]: v } },
                          })
                        }
                      />
                    ),
                  })),
                ]}
              />
            </Field>
            <Field label={m.grades}>
              <Space wrap>
                {(['优', '良', '中'] as const).map((g) => (
                  <Space key={g} size={4}>
                    <span>{m.gradeFrom(g)}</span>
                    <Figure
                      label={m.gradeFrom(g)}
                      value={evaluation.grades[g]}
                      disabled={disabled}
                      onChange={(v) => setEvaluation({ grades: { ...evaluation.grades, [g]: v } })}
                    />
                  </Space>
                ))}
              </Space>
            </Field>
            <Field label={m.overAchievement} help={m.overAchievementHelp}>
              <Space>
                <Checkbox
                  aria-label={m.overAchievementOn}
                  checked={evaluation.overAchievementRatio !== null}
                  onChange={(e) => setEvaluation({ overAchievementRatio: e.target.checked ? '1.2' : null })}
                >
                  {m.overAchievementOn}
                </Checkbox>
                {evaluation.overAchievementRatio !== null && (
                  <Figure
                    label={m.overAchievement}
                    value={evaluation.overAchievementRatio}
                    disabled={disabled}
                    onChange={(v) => setEvaluation({ overAchievementRatio: v })}
                  />
                )}
              </Space>
            </Field>
          </>
        );
      })}

      {editable && (
        <Space className={`save-bar${dirty ? ' save-bar-dirty' : ''}`}>
          <Button type="primary" icon={<SaveOutlined />} disabled={!dirty || blocked} loading={saving} onClick={save}>
            {m.save}
          </Button>
          {dirty && <Typography.Text type="warning">{all.web.actuals.unsaved}</Typography.Text>}
        </Space>
      )}
    </div>
  );
}
