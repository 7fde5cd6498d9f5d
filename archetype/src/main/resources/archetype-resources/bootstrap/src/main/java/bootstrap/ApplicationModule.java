package ${package}.bootstrap;

import ${package}.application.AnswerQuestionService;
import ${package}.application.AskQuestionService;
import ${package}.application.OperationsService;
import ${package}.application.port.in.AnswerQuestionUseCase;
import ${package}.application.port.in.AskQuestionUseCase;
import ${package}.application.port.in.OperationsUseCase;
import com.google.inject.AbstractModule;
import com.google.inject.Singleton;

/**
 * The use cases. Nothing here guards anything: the guardrails' Guice integration wraps every
 * {@code *UseCase} binding with the leak check (see {@link Server}).
 */
final class ApplicationModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(AskQuestionUseCase.class).to(AskQuestionService.class).in(Singleton.class);
    bind(AnswerQuestionUseCase.class).to(AnswerQuestionService.class).in(Singleton.class);
    bind(OperationsUseCase.class).to(OperationsService.class).in(Singleton.class);
  }
}
