// How a programme runs, shown where people decide: its stages in order, its phases with their dates, what failing
// means, and (for the secretariat and the experts) the notes on its source document. Long parts fold away.
import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import type { Indicator, Program, ProgramNote } from '@/core/program/program-schema';
import { programNoteKindLabels } from '@/core/program/program-rules';
import { failureMeaning, phaseDates, stagePath } from '@/core/program/stage-path';
import './program-info.css';

/** A titled part that opens and closes on tap; `summary` stays visible while it is closed. */
export function Collapsible(props: { title: string; summary?: ReactNode; defaultOpen?: boolean; tone?: 'warning'; children: ReactNode }) {
  const [open, setOpen] = useState(props.defaultOpen ?? false);
  return (
    <View className={`fold${props.tone ? ` fold--${props.tone}` : ''}`}>
      <View
        className="fold__head"
        onClick={(event: { stopPropagation?: () => void }) => {
          event.stopPropagation?.();
          setOpen(!open);
        }}
      >
        <Text className="fold__title">{props.title}</Text>
        <Text className="fold__toggle">{open ? '收起 ▴' : '展开 ▾'}</Text>
      </View>
      {!open && props.summary ? <View className="fold__summary">{props.summary}</View> : null}
      {open ? <View className="fold__body">{props.children}</View> : null}
    </View>
  );
}

type ProcessProgram = Pick<Program, 'stages' | 'categories' | 'phases'>;

/** The stages in order, as a wrapping chain of steps with their parameters. */
export function StagePath({ program }: { program: Pick<Program, 'stages' | 'categories'> }) {
  const steps = stagePath(program);
  return (
    <View className="stage-path" aria-label="项目流程">
      {steps.map((step, index) => (
        <View key={step.key} className="stage-path__step">
          <Text className="stage-path__label">{step.label}</Text>
          {step.detail ? <Text className="stage-path__detail">（{step.detail}）</Text> : null}
          {index < steps.length - 1 ? <Text className="stage-path__arrow">→</Text> : null}
        </View>
      ))}
    </View>
  );
}

/** The programme's phases as dated steps. */
export function PhaseTimeline({ phases }: { phases: Program['phases'] }) {
  if (phases.length === 0) return null;
  return (
    <View className="phase-line">
      {phases.map((phase) => (
        <View key={phase.key} className="phase-line__step">
          <View className="phase-line__dot" />
          <Text className="phase-line__name">{phase.name}</Text>
          <Text className="phase-line__dates">{phaseDates(phase)}</Text>
        </View>
      ))}
    </View>
  );
}

/** 项目流程: the stages and the phases (folded unless asked open), and always what failing means. */
export function ProgramProcess({ program, defaultOpen = false }: { program: ProcessProgram; defaultOpen?: boolean }) {
  return (
    <View className="program-process">
      <Collapsible title="项目流程与时间安排" defaultOpen={defaultOpen} summary={`共 ${stagePath(program).length} 个环节，点击展开查看`}>
        <StagePath program={program} />
        {program.phases.length > 0 ? (
          <View>
            <Text className="program-process__label">时间安排</Text>
            <PhaseTimeline phases={program.phases} />
          </View>
        ) : null}
      </Collapsible>
      <View className="program-process__failure">
        <Text className="program-process__failure-title">考核不合格：</Text>
        {failureMeaning(program.stages)}
      </View>
    </View>
  );
}

const attentionKinds: ReadonlySet<ProgramNote['kind']> = new Set(['placeholder', 'discrepancy']);

function NoteItem({ note }: { note: ProgramNote }) {
  return (
    <View className={`program-note program-note--${note.kind}`}>
      <Text className="program-note__kind">{programNoteKindLabels[note.kind]}</Text>
      <Text className="program-note__text">{note.text}</Text>
      {note.source ? <Text className="program-note__source">出处：{note.source}</Text> : null}
    </View>
  );
}

/**
 * For the secretariat: the notes on the source document (values it leaves open and figures that disagree marked
 * to be confirmed, then the priority rules) and where the figures came from.
 */
export function ProgramNotes({ program }: { program: Pick<Program, 'notes' | 'sourceNote'> }) {
  const toConfirm = program.notes.filter((note) => attentionKinds.has(note.kind));
  const others = program.notes.filter((note) => !attentionKinds.has(note.kind));
  if (program.notes.length === 0 && !program.sourceNote) return null;
  return (
    <Collapsible
      title={toConfirm.length > 0 ? `待确认事项 ${toConfirm.length} 项` : '项目依据与说明'}
      tone={toConfirm.length > 0 ? 'warning' : undefined}
      summary={toConfirm.length > 0 ? '原文未载明或前后不一致的数值，请核对后在项目设置中确认' : undefined}
    >
      {[...toConfirm, ...others].map((note, index) => (
        <NoteItem key={`${note.kind}-${index}`} note={note} />
      ))}
      {program.sourceNote ? (
        <View className="program-note program-note--source">
          <Text className="program-note__kind">依据</Text>
          <Text className="program-note__text">{program.sourceNote}</Text>
        </View>
      ) : null}
    </Collapsible>
  );
}

/** For the experts: the document's priority rules (优先支持), to weigh while scoring. */
export function PriorityNotes({ notes }: { notes: readonly ProgramNote[] }) {
  const priorities = notes.filter((note) => note.kind === 'priority');
  if (priorities.length === 0) return null;
  return (
    <View className="program-priorities">
      <Text className="program-priorities__title">优先支持（同等条件下）</Text>
      {priorities.map((note, index) => (
        <NoteItem key={index} note={note} />
      ))}
    </View>
  );
}

/** An indicator's note (what counts, how it is measured), under its name. */
export function IndicatorNote({ indicator }: { indicator: Pick<Indicator, 'note'> | undefined }) {
  return indicator?.note ? <Text className="indicator-note">说明：{indicator.note}</Text> : null;
}
