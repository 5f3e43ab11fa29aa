// The question before a step: the choice, the typed confirmation for a data-losing step, and
// the SQL / details view, switched between without answering.
import { useState } from 'react';
import { Box } from 'ink';
import type { RunMode } from '../../run/events.js';
import type { Answer, PendingDecision } from '../hooks/use-upgrade-run.js';
import { confirmationWord, previewOf, type Previews } from '../step-facts.js';
import { StepConfirmation, type Choice } from './StepConfirmation.js';
import { StepDetails } from './StepDetails.js';
import { StepHeading } from './StepHeading.js';
import { TypedConfirmation } from './TypedConfirmation.js';

export interface StepDecisionProps {
  pending: PendingDecision;
  previews: Previews;
  mode: RunMode;
  onAnswer(answer: Answer): void;
}

type View = { name: 'choose' } | { name: 'details' } | { name: 'typing'; then: 'apply' | 'all' };

export function StepDecision({ pending, previews, mode, onAnswer }: StepDecisionProps) {
  const preview = previewOf(previews, pending.step);
  const word = confirmationWord(pending.step, preview);
  const [view, setView] = useState<View>(
    // "apply all" reached a data-losing step: go straight to typing, and keep applying all after it
    pending.duringApplyAll && word ? { name: 'typing', then: 'all' } : { name: 'choose' },
  );

  if (view.name === 'details') {
    return <StepDetails step={pending.step} preview={preview} onClose={() => setView({ name: 'choose' })} />;
  }

  const choose = (choice: Choice) => {
    if (choice === 'details') setView({ name: 'details' });
    else if ((choice === 'apply' || choice === 'all') && word) setView({ name: 'typing', then: choice });
    else onAnswer(choice);
  };

  return (
    <Box flexDirection="column" marginTop={1}>
      <StepHeading step={pending.step} index={pending.index} total={pending.total} preview={preview} />
      {view.name === 'typing' && word ? (
        <TypedConfirmation
          word={word}
          mode={mode}
          duringApplyAll={pending.duringApplyAll}
          onConfirm={() => onAnswer(view.then)}
          onCancel={() => setView({ name: 'choose' })}
        />
      ) : (
        <StepConfirmation mode={mode} kind={pending.step.kind} onChoice={choose} />
      )}
    </Box>
  );
}
