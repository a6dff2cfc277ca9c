import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';

/** The training events a figure covers: a programme's events in a period, or some events. */
export interface OutcomeScope {
  programmeId: string;
  eventIds: string[];
}

/** What the knowledge tests say about the trainees of a scope (scores in percent, 0–100). */
export interface KnowledgeFigures {
  /** Trainees with both a pre-test and a post-test. */
  testedPeople: number;
  meanPre: number | null;
  meanPost: number | null;
  /** Mean of post minus pre over the tested trainees, in percentage points. */
  meanGain: number | null;
  /** Share (0–1) of the tested trainees whose post-test beat their pre-test. */
  improvedShare: number | null;
  /** Share (0–1) of the trainees with a post-test who reached its pass mark. */
  masteredShare: number | null;
}

/** What the end-of-training evaluations say about a scope (ratings on a 1–5 scale). */
export interface SatisfactionFigures {
  invited: number;
  answered: number;
  responseRate: number | null;
  meanSatisfaction: number | null;
}

export interface KnowledgeSource {
  knowledge(em: EntityManager, scope: OutcomeScope): Promise<KnowledgeFigures>;
}

export interface SatisfactionSource {
  satisfaction(em: EntityManager, scope: OutcomeScope): Promise<SatisfactionFigures>;
}

/**
 * Where targets and the donor report read the figures that other parts own: knowledge
 * tests register a KnowledgeSource, evaluations (a domain above trainings) a
 * SatisfactionSource, at module init. Without one, the figure is not reported (null).
 */
@Injectable()
export class OutcomeSources {
  private knowledgeSource?: KnowledgeSource;
  private satisfactionSource?: SatisfactionSource;

  registerKnowledge(source: KnowledgeSource): void {
    this.knowledgeSource = source;
  }

  registerSatisfaction(source: SatisfactionSource): void {
    this.satisfactionSource = source;
  }

  knowledge(em: EntityManager, scope: OutcomeScope): Promise<KnowledgeFigures | null> {
    return this.knowledgeSource?.knowledge(em, scope) ?? Promise.resolve(null);
  }

  satisfaction(em: EntityManager, scope: OutcomeScope): Promise<SatisfactionFigures | null> {
    return this.satisfactionSource?.satisfaction(em, scope) ?? Promise.resolve(null);
  }
}
